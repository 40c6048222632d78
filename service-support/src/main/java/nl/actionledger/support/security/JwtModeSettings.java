package nl.actionledger.support.security;

import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * What JWT mode needs before the service may start: whose tokens to trust (the issuer) and for whom they are meant
 * (the audience). A service that started without either would accept tokens it should not, so it does not start,
 * and the message names the setting to add.
 */
final class JwtModeSettings {

    static final String ISSUER = "actionledger.security.jwt.issuer";
    static final String ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
    static final String AUDIENCES = "spring.security.oauth2.resourceserver.jwt.audiences";
    /** The claim setting before the actor became a stable claim; see {@link #refuseRenamedClaimSetting}. */
    static final String USERNAME_CLAIM = "actionledger.security.jwt.username-claim";

    private JwtModeSettings() {}

    /** The {@code iss} every token must carry: {@value #ISSUER}, or else Spring Boot's issuer URI. */
    static String expectedIssuer(LedgerSecurityProperties.Jwt jwt, Environment environment) {
        String issuer = hasText(jwt.issuer()) ? jwt.issuer() : environment.getProperty(ISSUER_URI);
        if (!hasText(issuer)) {
            throw new IllegalStateException("actionledger.security.mode is JWT, but no expected token issuer is "
                    + "configured: set " + ISSUER + " (ACTIONLEDGER_SECURITY_JWT_ISSUER) to the iss value of the "
                    + "tokens to trust, or " + ISSUER_URI);
        }
        return issuer;
    }

    /** Without an audience, a token the same issuer made for any other application would be accepted here. */
    static void requireAudience(Environment environment) {
        if (Binder.get(environment)
                .bind(AUDIENCES, Bindable.listOf(String.class))
                .orElse(List.of())
                .isEmpty()) {
            throw new IllegalStateException("actionledger.security.mode is JWT, but no audience is configured: set "
                    + AUDIENCES + " to the aud value the issuer puts in tokens meant for Action Ledger");
        }
    }

    /**
     * The old setting named the claim that became the actor. Ignoring it would silently record another claim as the
     * actor from now on, so a service that still has it does not start.
     */
    static void refuseRenamedClaimSetting(Environment environment) {
        if (environment.containsProperty(USERNAME_CLAIM)) {
            throw new IllegalStateException(USERNAME_CLAIM + " is no longer read: set actionledger.security.jwt."
                    + "actor-claim to a claim that never changes for a person (sub by default) and "
                    + "actionledger.security.jwt.display-name-claim to the name people read");
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
