package nl.actionledger.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The header checks without regular expressions allow exactly what StrictHttpFirewall's default expressions allow. */
class HeaderCharactersTest {

    // StrictHttpFirewall's own expressions (Spring Security 7.1)
    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void allowPrintableTextAndRefuseControls() {
        assertThat(HeaderCharacters.allowedInName("Authorization")).isTrue();
        assertThat(HeaderCharacters.allowedInValue("Bearer abc\tdef é")).isTrue();
        assertThat(HeaderCharacters.allowedInName("X-Tab\t")).isFalse();
        assertThat(HeaderCharacters.allowedInValue("line\nbreak")).isFalse();
        assertThat(HeaderCharacters.allowedInValue("nul\u0000")).isFalse();
        assertThat(HeaderCharacters.allowedInValue("\u0085")).isFalse();
        assertThat(HeaderCharacters.allowedInValue("unassigned \u0378")).isFalse();
        assertThat(HeaderCharacters.allowedInValue("")).isTrue();
    }

    @Test
    void agreeWithTheFirewallsExpressionsOnEveryString() {
        Random random = new Random(11);
        int[] interesting = {
            '\t', '\n', '\r', 0, 0x1f, 0x7f, 0x85, 0x9f, 0xa0, 0xff, 0x378, 0xd800, 0xdc00, 0xfffe, 0x1f600, 0x10ffff,
            0xe0001
        };
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(6);
            for (int j = 0; j < length; j++) {
                int roll = random.nextInt(4);
                int codePoint = roll == 0
                        ? interesting[random.nextInt(interesting.length)]
                        : roll == 1 ? random.nextInt(0x110000) : 0x20 + random.nextInt(0x100 - 0x20);
                text.appendCodePoint(codePoint);
            }
            String s = text.toString();
            assertThat(HeaderCharacters.allowedInName(s))
                    .as("name %s", escaped(s))
                    .isEqualTo(NAMES.matcher(s).matches());
            assertThat(HeaderCharacters.allowedInValue(s))
                    .as("value %s", escaped(s))
                    .isEqualTo(VALUES.matcher(s).matches());
        }
    }

    private static String escaped(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> out.append(String.format("U+%04X ", c)));
        return out.toString();
    }
}
