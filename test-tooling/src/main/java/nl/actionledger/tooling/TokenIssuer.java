package nl.actionledger.tooling;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The benchmark and the fault suite sign their users' tokens themselves, so the services run in their production
 * sign-in mode: a bearer token whose RS256 check costs well under a millisecond. (HTTP Basic with BCrypt would cap
 * them at a few dozen requests per second and measure the password hash, not the ledger.) The tokens name Action
 * Ledger as their audience, which the services require in this mode.
 */
public final class TokenIssuer {

    private static final String AUDIENCE = "action-ledger";

    private final KeyPair key;
    private final Path publicKeyFile;
    private final String issuer;

    private TokenIssuer(KeyPair key, Path publicKeyFile, String issuer) {
        this.key = key;
        this.publicKeyFile = publicKeyFile;
        this.issuer = issuer;
    }

    /**
     * @param directory where the public key is written for the services to read
     * @param issuer    the {@code iss} of every token, which the services are told to require
     */
    public static TokenIssuer create(Path directory, String issuer) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair key = generator.generateKeyPair();
            Files.createDirectories(directory);
            Path publicKeyFile = directory.resolve("issuer-public-key.pem");
            Files.writeString(
                    publicKeyFile,
                    "-----BEGIN PUBLIC KEY-----\n"
                            + Base64.getMimeEncoder()
                                    .encodeToString(key.getPublic().getEncoded())
                            + "\n-----END PUBLIC KEY-----\n",
                    StandardCharsets.US_ASCII);
            return new TokenIssuer(key, publicKeyFile, issuer);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What tells a service to trust this issuer's tokens. */
    public Map<String, String> serviceEnvironment() {
        return Map.of(
                "ACTIONLEDGER_SECURITY_MODE",
                "jwt",
                "SPRING_APPLICATION_JSON",
                "{\"spring.security.oauth2.resourceserver.jwt.public-key-location\":\"file:"
                        + publicKeyFile.toString().replace("\\", "/") + "\","
                        + "\"spring.security.oauth2.resourceserver.jwt.audiences\":\"" + AUDIENCE + "\","
                        + "\"actionledger.security.jwt.issuer\":\"" + issuer + "\"}");
    }

    public String admin(String name) {
        return token(name, "ADMIN", null);
    }

    public String coordinator(String name, String organisation) {
        return token(name, "COORDINATOR", organisation);
    }

    public String auditor(String name) {
        return token(name, "AUDITOR", null);
    }

    private String token(String user, String role, String organisation) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(AUDIENCE)
                .subject(user)
                .claim("preferred_username", user)
                .claim("roles", List.of(role))
                .issueTime(Date.from(Instant.now().minusSeconds(60)))
                .expirationTime(Date.from(Instant.now().plusSeconds(12 * 3600)));
        if (organisation != null) {
            claims.claim("organisation", organisation);
        }
        return bearer(key.getPrivate(), claims.build());
    }

    /** The claims signed with RS256 by this key, as an {@code Authorization} header's value; also for tests of sign-in. */
    public static String bearer(PrivateKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) key));
            return "Bearer " + jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
