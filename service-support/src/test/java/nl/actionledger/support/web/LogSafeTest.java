package nl.actionledger.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void noClientTextCanStartALogLineOrHideWhatItSays() {
        assertThat(LogSafe.of("a\r\nINFO forged\u0085b\u2028c\u202Ed\uD800e\u0000f"))
                .isEqualTo("a__INFO forged_b_c_d_e_f");
    }

    @Test
    void ordinaryTextIsKeptAndLongTextCut() {
        assertThat(LogSafe.of("Café 野生动物 \uD83E\uDD8F")).isEqualTo("Café 野生动物 \uD83E\uDD8F");
        assertThat(LogSafe.of("x".repeat(500))).hasSize(203);
        assertThat(LogSafe.of(null)).isEqualTo("-");
    }
}
