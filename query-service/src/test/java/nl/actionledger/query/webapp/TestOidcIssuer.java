package nl.actionledger.query.webapp;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OpenID Connect issuer for the web app's sign-in tests, on a port of its own: discovery, the authorization endpoint
 * (code flow only; a request without a PKCE challenge by S256 is refused), the token endpoint (the code once, for the
 * client with its secret, the same redirect address and the verifier whose hash is the challenge) and its keys. Who
 * signs in next is chosen by the test, as a person would at a real issuer's login page; it signs an ID token for the
 * web app and an access token for Action Ledger's API, as an issuer configured for Action Ledger would.
 */
final class TestOidcIssuer implements AutoCloseable {

    static final String CLIENT_ID = "action-ledger-web";
    static final String CLIENT_SECRET = "web-app-secret";
    static final String API_AUDIENCE = "action-ledger";

    /** A person at the issuer, with what the issuer says about them in the access token. */
    record Person(String subject, String name, String role, String organisation, String audience, Duration lifetime) {

        Person(String subject, String name, String role, String organisation) {
            this(subject, name, role, organisation, API_AUDIENCE, Duration.ofHours(1));
        }

        Person forAudience(String otherAudience) {
            return new Person(subject, name, role, organisation, otherAudience, lifetime);
        }

        Person expiringAfter(Duration shorterLifetime) {
            return new Person(subject, name, role, organisation, audience, shorterLifetime);
        }
    }

    private record Grant(Person person, String redirectUri, String challenge, String nonce) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final RSAKey key;
    private final String issuer;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final List<String> accessTokens = new CopyOnWriteArrayList<>();
    private volatile Person next;

    private TestOidcIssuer(HttpServer server, RSAKey key) {
        this.server = server;
        this.key = key;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/.well-known/openid-configuration", exchange -> answer(exchange, 200, discovery()));
        server.createContext("/jwks", exchange -> answer(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    static TestOidcIssuer start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("test-issuer-key").generate();
            return new TestOidcIssuer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String issuer() {
        return issuer;
    }

    /** What points query-service at this issuer, for the API's tokens and for the web app's sign-in. */
    Map<String, String> serviceProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("actionledger.security.mode", "jwt");
        properties.put("actionledger.security.jwt.issuer", issuer);
        properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer + "/jwks");
        properties.put("spring.security.oauth2.resourceserver.jwt.audiences", API_AUDIENCE);
        String registration = "spring.security.oauth2.client.registration." + WebAppSecurity.REGISTRATION + ".";
        properties.put(registration + "client-id", CLIENT_ID);
        properties.put(registration + "client-secret", CLIENT_SECRET);
        properties.put(registration + "scope", "openid,profile");
        properties.put("spring.security.oauth2.client.provider." + WebAppSecurity.REGISTRATION + ".issuer-uri", issuer);
        return properties;
    }

    /** Who signs in at the next authorization request. */
    void signInNext(Person person) {
        next = person;
    }

    /** The access tokens issued so far, in order. */
    List<String> accessTokens() {
        return List.copyOf(accessTokens);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private String discovery() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", issuer);
        metadata.put("authorization_endpoint", issuer + "/authorize");
        metadata.put("token_endpoint", issuer + "/token");
        metadata.put("jwks_uri", issuer + "/jwks");
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("subject_types_supported", List.of("public"));
        metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        metadata.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
        metadata.put("scopes_supported", List.of("openid", "profile"));
        return JSON.writeValueAsString(metadata);
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> request = form(exchange.getRequestURI().getRawQuery());
        Person person = next;
        if (!CLIENT_ID.equals(request.get("client_id"))
                || !"code".equals(request.get("response_type"))
                || request.get("redirect_uri") == null
                || person == null) {
            answer(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        if (!"S256".equals(request.get("code_challenge_method")) || request.get("code_challenge") == null) {
            answer(exchange, 400, "{\"error\":\"invalid_request\",\"error_description\":\"PKCE (S256) is required\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(
                code,
                new Grant(person, request.get("redirect_uri"), request.get("code_challenge"), request.get("nonce")));
        exchange.getResponseHeaders()
                .add(
                        "Location",
                        request.get("redirect_uri") + "?code=" + code + "&state="
                                + URLEncoder.encode(request.getOrDefault("state", ""), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> request =
                form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String client = "Basic "
                + Base64.getEncoder()
                        .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!client.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        Grant grant = request.get("code") == null ? null : codes.remove(request.get("code"));
        if (!"authorization_code".equals(request.get("grant_type"))
                || grant == null
                || !grant.redirectUri().equals(request.get("redirect_uri"))
                || request.get("code_verifier") == null
                || !grant.challenge().equals(s256(request.get("code_verifier")))) {
            answer(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        Person person = grant.person();
        Instant now = Instant.now();
        JWTClaimsSet.Builder access = claims(person.subject(), person.audience(), now, person.lifetime())
                .claim("preferred_username", person.name())
                .claim("roles", List.of(person.role()));
        if (person.organisation() != null) {
            access.claim("organisation", person.organisation());
        }
        JWTClaimsSet.Builder id =
                claims(person.subject(), CLIENT_ID, now, person.lifetime()).claim("name", person.name());
        if (grant.nonce() != null) {
            id.claim("nonce", grant.nonce());
        }
        String accessToken = sign(access.build());
        accessTokens.add(accessToken);
        Map<String, Object> tokens = new LinkedHashMap<>();
        tokens.put("access_token", accessToken);
        tokens.put("token_type", "Bearer");
        tokens.put("expires_in", person.lifetime().toSeconds());
        tokens.put("scope", "openid profile");
        tokens.put("id_token", sign(id.build()));
        answer(exchange, 200, JSON.writeValueAsString(tokens));
    }

    private JWTClaimsSet.Builder claims(String subject, String audience, Instant now, Duration lifetime) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .audience(audience)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)));
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            values.put(name, value);
        }
        return values;
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
