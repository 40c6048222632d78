package nl.actionledger.query.webapp;

import java.time.Instant;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A web app user signed in with an access token (jwt mode, {@link AccessTokenSignIn}), as the session keeps them: the
 * API's reading of the token (actor, roles) with the token itself. Not the API's {@code JwtAuthenticationToken},
 * which Spring Security marks as never to be kept in a session; like it, the principal is the token, so that
 * {@code CurrentUsers} reads the user's organisation and display name from its claims.
 */
final class AccessTokenSession extends AbstractAuthenticationToken {

    private final Jwt token;
    private final String actor;

    AccessTokenSession(Authentication api) {
        super(api.getAuthorities());
        if (!(api.getPrincipal() instanceof Jwt jwt)) {
            throw new IllegalArgumentException(
                    "Not a sign-in with an access token: " + api.getClass().getName());
        }
        this.token = jwt;
        this.actor = api.getName();
        setAuthenticated(true);
    }

    @Override
    public Jwt getPrincipal() {
        return token;
    }

    @Override
    public Jwt getCredentials() {
        return token;
    }

    @Override
    public String getName() {
        return actor;
    }

    boolean expired() {
        Instant expiresAt = token.getExpiresAt();
        return expiresAt != null && !Instant.now().isBefore(expiresAt);
    }

    String accessToken() {
        return token.getTokenValue();
    }
}
