package nl.actionledger.command;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import nl.actionledger.support.testing.EmbeddedPostgresDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** In JWT mode the service will not start half-configured: it needs to know whose tokens, and for whom, to trust. */
class JwtModeStartupTest {

    @Test
    void refusesToStartWithoutATokenIssuer() {
        assertThatThrownBy(() -> start(List.of("spring.security.oauth2.resourceserver.jwt.audiences=action-ledger")))
                .hasStackTraceContaining("no token issuer is configured");
    }

    @Test
    void refusesToStartWithoutAnAudience() throws Exception {
        assertThatThrownBy(() -> start(List.of(
                        "spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKeyFile(),
                        "actionledger.security.jwt.issuer=https://login.example.nl")))
                .hasStackTraceContaining("no audience is configured");
    }

    /** Spring Boot checks the issuer only with issuer-uri; from a public key or a JWK set it would accept any. */
    @Test
    void refusesToStartWithAKeyButNoExpectedIssuer() throws Exception {
        assertThatThrownBy(() -> start(List.of(
                        "spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKeyFile(),
                        "spring.security.oauth2.resourceserver.jwt.audiences=action-ledger")))
                .hasStackTraceContaining(
                        "no expected token issuer is configured: set actionledger.security.jwt.issuer");
        assertThatThrownBy(() -> start(List.of(
                        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/jwks",
                        "spring.security.oauth2.resourceserver.jwt.audiences=action-ledger")))
                .hasStackTraceContaining(
                        "no expected token issuer is configured: set actionledger.security.jwt.issuer");
    }

    /** The old setting named the claim recorded as the actor: ignoring it would change whom changes are recorded for. */
    @Test
    void refusesToStartWithTheRenamedUsernameClaimSetting() throws Exception {
        assertThatThrownBy(() -> start(List.of(
                        "spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKeyFile(),
                        "spring.security.oauth2.resourceserver.jwt.audiences=action-ledger",
                        "actionledger.security.jwt.issuer=https://login.example.nl",
                        "actionledger.security.jwt.username-claim=preferred_username")))
                .hasStackTraceContaining("actionledger.security.jwt.username-claim is no longer read");
    }

    private static void start(List<String> jwtSettings) {
        // as command-line arguments, which outrank application.yml (builder properties would not)
        List<String> arguments =
                new ArrayList<>(EmbeddedPostgresDatabase.serviceArguments(EmbeddedPostgresDatabase.newDatabase()));
        arguments.addAll(List.of("--server.port=0", "--actionledger.security.mode=jwt"));
        jwtSettings.forEach(setting -> arguments.add("--" + setting));
        new SpringApplicationBuilder(CommandServiceApplication.class)
                .profiles("test")
                .run(arguments.toArray(String[]::new))
                .close();
    }

    private static Path publicKeyFile() throws IOException, NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Path file = Files.createTempFile("issuer", ".pem");
        Files.writeString(
                file,
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(
                                        generator.generateKeyPair().getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
        return file;
    }
}
