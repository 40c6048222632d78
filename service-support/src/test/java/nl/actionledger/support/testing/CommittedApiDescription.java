package nl.actionledger.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's API description as served ({@code GET /v3/api-docs}) against the copy committed in the repository's
 * {@code openapi/} directory: a change to the API shows in review as a change to that file. With
 * {@code -Dopenapi.write=true} the served description is written there instead of compared.
 */
public final class CommittedApiDescription {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private CommittedApiDescription() {}

    /** @param service the file's name, {@code command-service} or {@code query-service} */
    public static void check(String service, String served) throws IOException {
        // tests run in the module's directory; the descriptions live beside the modules
        Path committed =
                Path.of("..", "openapi", service + ".json").toAbsolutePath().normalize();
        String description = JSON.writeValueAsString(JSON.readValue(served, Object.class)) + "\n";
        if (Boolean.getBoolean("openapi.write")) {
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, description, StandardCharsets.UTF_8);
            return;
        }
        assertThat(committed)
                .as("the committed API description; write it with -Dopenapi.write=true")
                .exists();
        assertThat(description)
                .as(
                        "%s's API description differs from %s: if the change is meant, run this test with "
                                + "-Dopenapi.write=true and commit the file",
                        service, committed)
                .isEqualTo(Files.readString(committed, StandardCharsets.UTF_8));
    }
}
