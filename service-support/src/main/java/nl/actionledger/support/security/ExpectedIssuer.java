package nl.actionledger.support.security;

import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Refuses a token whose {@code iss} is not the configured issuer, however the decoder was built. Spring Boot's decoder
 * checks the issuer only when {@code issuer-uri} is set; built from a JWK set URI or a public key it accepts any
 * {@code iss}, so a key shared by several issuers (or realms) would let each one's tokens in.
 */
final class ExpectedIssuer implements JwtDecoder {

    private final JwtDecoder decoder;
    private final JwtIssuerValidator issuer;

    ExpectedIssuer(JwtDecoder decoder, String issuer) {
        this.decoder = decoder;
        this.issuer = new JwtIssuerValidator(issuer);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = decoder.decode(token);
        OAuth2TokenValidatorResult result = issuer.validate(jwt);
        if (result.hasErrors()) {
            throw new JwtValidationException("The token was not issued by the configured issuer", result.getErrors());
        }
        return jwt;
    }
}
