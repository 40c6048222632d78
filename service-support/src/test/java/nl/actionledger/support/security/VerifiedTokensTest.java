package nl.actionledger.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokensTest {

    private static final Instant START = Instant.parse("2026-12-03T10:00:00Z");

    private final AtomicLong nanos = new AtomicLong();
    private final List<String> checked = new ArrayList<>();
    private Duration lifetime = Duration.ofMinutes(5);

    private final JwtDecoder issuerCheck = token -> {
        checked.add(token);
        if (token.startsWith("forged")) {
            throw new BadJwtException("bad signature");
        }
        Instant now = now();
        return Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("r.devries")
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .build();
    };

    private final VerifiedTokens tokens = new VerifiedTokens(
            issuerCheck,
            new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now();
                }
            },
            nanos::get);

    @Test
    void aTokenIsCheckedOnceAndRememberedUntilItExpires() {
        Jwt first = tokens.decode("token-a");
        later(Duration.ofMinutes(4));
        Jwt second = tokens.decode("token-a");

        assertThat(second).isSameAs(first);
        assertThat(checked).containsExactly("token-a");

        later(Duration.ofMinutes(1).plusSeconds(1));
        tokens.decode("token-a");
        assertThat(checked).containsExactly("token-a", "token-a");
    }

    @Test
    void aRefusedTokenIsCheckedEveryTime() {
        assertThatThrownBy(() -> tokens.decode("forged-1")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged-1")).isInstanceOf(BadJwtException.class);

        assertThat(checked).containsExactly("forged-1", "forged-1");
    }

    @Test
    void aLongLivedTokenIsCheckedAgainAfterTheLongestTimeRemembered() {
        lifetime = Duration.ofHours(8);
        tokens.decode("token-b");
        later(VerifiedTokens.LONGEST.minusSeconds(1));
        tokens.decode("token-b");
        assertThat(checked).hasSize(1);

        later(Duration.ofSeconds(2));
        tokens.decode("token-b");
        assertThat(checked).hasSize(2);
    }

    @Test
    void differentTokensAreRememberedApart() {
        tokens.decode("token-a");
        tokens.decode("token-b");
        tokens.decode("token-a");

        assertThat(checked).containsExactly("token-a", "token-b");
    }

    private Instant now() {
        return START.plusNanos(nanos.get());
    }

    private void later(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
