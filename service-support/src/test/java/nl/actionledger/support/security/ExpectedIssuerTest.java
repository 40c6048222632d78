package nl.actionledger.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** A decoder that checks signatures only (as Spring Boot builds one from a public key) gets the issuer checked. */
class ExpectedIssuerTest {

    private static final String ISSUER = "https://login.example.nl/realms/ledger";

    private final JwtDecoder signatureOnly = token -> Jwt.withTokenValue(token)
            .header("alg", "RS256")
            .issuer(token)
            .subject("6f1c-42")
            .issuedAt(Instant.now())
            .expiresAt(Instant.now().plusSeconds(60))
            .build();

    private final ExpectedIssuer decoder = new ExpectedIssuer(signatureOnly, ISSUER);

    @Test
    void acceptsATokenOfTheConfiguredIssuer() {
        assertThat(decoder.decode(ISSUER).getSubject()).isEqualTo("6f1c-42");
    }

    @Test
    void refusesATokenOfAnotherIssuerOrOfNone() {
        assertThatThrownBy(() -> decoder.decode("https://login.example.nl/realms/other"))
                .isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> decoder.decode(ISSUER + "/")).isInstanceOf(JwtValidationException.class);
        JwtDecoder noIssuer = token -> Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("6f1c-42")
                .build();
        assertThatThrownBy(() -> new ExpectedIssuer(noIssuer, ISSUER).decode("t"))
                .isInstanceOf(JwtValidationException.class);
    }
}
