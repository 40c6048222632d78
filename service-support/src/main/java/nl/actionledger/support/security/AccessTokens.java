package nl.actionledger.support.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Who a bearer token signs in, as the API reads it in JWT mode: checked against the configured issuer and audience
 * (once, then remembered until it expires: {@link VerifiedTokens}), the actor and roles from its claims
 * ({@link TokenUsers}). The web app signs its users in with the same reading of the access token it obtains for them,
 * so that a page offers exactly what the API will then allow.
 */
public final class AccessTokens {

    private final JwtDecoder decoder;
    private final TokenUsers users;

    AccessTokens(JwtDecoder decoder, LedgerSecurityProperties.Jwt claims) {
        this.decoder = decoder;
        this.users = new TokenUsers(claims);
    }

    /**
     * @throws JwtException when the token is not one the API would accept (signature, issuer, audience, times), or
     *                      names no user it may sign in
     */
    public AbstractAuthenticationToken signIn(String token) {
        return users.convert(decoder.decode(token));
    }

    JwtDecoder decoder() {
        return decoder;
    }

    TokenUsers users() {
        return users;
    }
}
