package nl.actionledger.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Holds the committed API description to what the service does: a problem a test meets must be listed there for
 * the endpoint that answered it, under its status. The services' {@code assertProblem} helpers call this, so that
 * every refusal their tests provoke checks the description too. Addresses the description does not have (actuator,
 * an unknown path) are not checked.
 */
public final class DocumentedProblems {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, JsonNode> DESCRIPTIONS = new ConcurrentHashMap<>();

    private DocumentedProblems() {}

    /** @param service {@code command-service} or {@code query-service}: the file in {@code openapi/} */
    public static void assertListed(String service, HttpResponse<?> response, String errorCode) {
        String method = response.request().method().toLowerCase(Locale.ROOT);
        String path = response.request().uri().getRawPath();
        JsonNode operation = operation(description(service), method, path);
        if (operation == null) {
            return;
        }
        JsonNode listed = operation
                .path("responses")
                .path(Integer.toString(response.statusCode()))
                .path("content")
                .path("application/problem+json")
                .path("schema")
                .path("allOf")
                .path(1)
                .path("properties")
                .path("errorCode")
                .path("enum");
        List<String> codes = new ArrayList<>();
        listed.forEach(code -> codes.add(code.asString()));
        assertThat(codes)
                .as(
                        "the errorCode values openapi/%s.json lists for %s %s, status %d",
                        service, method.toUpperCase(Locale.ROOT), path, response.statusCode())
                .contains(errorCode);
    }

    /** The operation whose path template matches, the one with the fewest variables first (replay before {name}). */
    private static JsonNode operation(JsonNode description, String method, String path) {
        List<String> templates = new ArrayList<>();
        description.get("paths").properties().forEach(entry -> templates.add(entry.getKey()));
        return templates.stream()
                .sorted(Comparator.comparingLong(
                        template -> template.chars().filter(c -> c == '{').count()))
                .filter(template -> path.matches(template.replaceAll("\\{[^}]+}", "[^/]+")))
                .map(template -> description.get("paths").get(template).get(method))
                .filter(operation -> operation != null)
                .findFirst()
                .orElse(null);
    }

    private static JsonNode description(String service) {
        return DESCRIPTIONS.computeIfAbsent(service, name -> {
            try {
                return JSON.readTree(Files.readString(Path.of("..", "openapi", name + ".json")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
