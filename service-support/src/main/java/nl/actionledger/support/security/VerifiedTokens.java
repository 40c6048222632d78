package nl.actionledger.support.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Checks a bearer token once, then remembers it until it expires. A client sends the same token with every request
 * for its lifetime; checking its signature (RS256) and claims each time cost more CPU than the change it carried. A
 * token is remembered only after the decoder accepted it (signature, issuer, audience, times), never longer than its
 * own {@code exp} and never longer than {@link #LONGEST}; a refused token is not remembered, so it is checked again
 * on every request.
 */
final class VerifiedTokens implements JwtDecoder {

    static final Duration LONGEST = Duration.ofMinutes(10);
    private static final int MAXIMUM_TOKENS = 4096;

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(JwtDecoder decoder, Clock clock, Ticker ticker) {
        this.decoder = decoder;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAXIMUM_TOKENS)
                .ticker(ticker)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> lifetimeLeft(jwt)))
                .build();
    }

    static VerifiedTokens of(JwtDecoder decoder) {
        return new VerifiedTokens(decoder, Clock.systemUTC(), Ticker.systemTicker());
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            return known;
        }
        Jwt jwt = decoder.decode(token);
        if (jwt.getExpiresAt() != null) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    private Duration lifetimeLeft(Jwt jwt) {
        Duration left = Duration.between(Instant.now(clock), jwt.getExpiresAt());
        return left.isNegative() ? Duration.ZERO : left.compareTo(LONGEST) > 0 ? LONGEST : left;
    }
}
