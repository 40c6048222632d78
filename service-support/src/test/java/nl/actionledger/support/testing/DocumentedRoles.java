package nl.actionledger.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Holds the roles an API description documents ({@code x-required-roles}) to what the service enforces: every
 * documented operation is called as a user of each role, and those the description lets through (a documented role,
 * or one that includes it: ADMIN every role, AUDITOR EVALUATOR, as the README says) must pass the checks of who may
 * call what, the others must be refused 403 FORBIDDEN. A change is sent without a body and without
 * {@code X-Requested-With}: a user who passes is then stopped by basic mode's cross-site guard, which comes after those
 * checks, so that nothing is changed. The users are the tests' own: named as their role in lower case, with their name
 * as password.
 */
public final class DocumentedRoles {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> ROLES = List.of("COORDINATOR", "EVALUATOR", "AUDITOR", "ADMIN");
    private static final Map<String, Set<String>> INCLUDED = Map.of(
            "ADMIN",
            Set.copyOf(ROLES),
            "AUDITOR",
            Set.of("AUDITOR", "EVALUATOR"),
            "EVALUATOR",
            Set.of("EVALUATOR"),
            "COORDINATOR",
            Set.of("COORDINATOR"));

    private DocumentedRoles() {}

    public static void assertEnforced(int port, String description) {
        JsonNode paths = JSON.readTree(description).get("paths");
        SoftAssertions softly = new SoftAssertions();
        List<String> checked = new ArrayList<>();
        paths.properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    String method = operation.getKey().toUpperCase(Locale.ROOT);
                    List<String> documented = new ArrayList<>();
                    operation.getValue().path("x-required-roles").forEach(role -> documented.add(role.asString()));
                    softly.assertThat(documented)
                            .as("%s %s documents no role", method, path.getKey())
                            .isNotEmpty();
                    for (String role : ROLES) {
                        boolean letThrough = documented.stream().anyMatch(INCLUDED.get(role)::contains);
                        HttpResponse<String> response = call(port, method, path.getKey(), role);
                        JsonNode body = response.body().startsWith("{") ? JSON.readTree(response.body()) : null;
                        String errorCode =
                                body == null ? null : body.path("errorCode").asString(null);
                        String call = method + " " + path.getKey() + " as " + role + " -> " + response.statusCode()
                                + " " + errorCode;
                        if (!letThrough) {
                            softly.assertThat(errorCode).as(call).isEqualTo("FORBIDDEN");
                        } else if ("GET".equals(method)) {
                            softly.assertThat(response.statusCode()).as(call).isNotEqualTo(401);
                            softly.assertThat(errorCode).as(call).isNotEqualTo("FORBIDDEN");
                        } else {
                            softly.assertThat(errorCode).as(call).isEqualTo("CROSS_SITE_REQUEST_REFUSED");
                        }
                        checked.add(call);
                    }
                }));
        softly.assertAll();
        assertThat(checked).isNotEmpty();
    }

    private static HttpResponse<String> call(int port, String method, String template, String role) {
        String user = role.toLowerCase(Locale.ROOT);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + template.replaceAll("\\{[^}]+}", "x")))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
