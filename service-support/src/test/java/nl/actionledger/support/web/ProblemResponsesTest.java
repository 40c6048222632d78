package nl.actionledger.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

class ProblemResponsesTest {

    @ErrorCodes(status = HttpStatus.NOT_FOUND, value = "PLAN_NOT_FOUND")
    static class Endpoints {

        @PostMapping("/change")
        @ErrorCodes(status = HttpStatus.UNPROCESSABLE_CONTENT, value = "NO_CHANGE")
        @ErrorCodes(status = HttpStatus.NOT_FOUND, value = "ACTION_NOT_FOUND")
        void change(@Valid @RequestBody Object body, @RequestHeader("X-Correlation-Id") String correlationId) {}

        @GetMapping("/read")
        void read(@RequestParam(required = false) Instant at, @RequestParam @Max(10) int size) {}
    }

    @Test
    void aChangeListsTheCodesOfItsBodyAndGuardsAndThoseItsHandlerNames() throws NoSuchMethodException {
        Operation operation = described("change", Object.class, String.class);

        assertThat(codes(operation, 400))
                .contains("MALFORMED_JSON", "UNKNOWN_FIELD", "VALIDATION_FAILED", "MISSING_HEADER", "REQUEST_REJECTED")
                .doesNotContain("INVALID_INSTANT", "MISSING_PARAMETER");
        assertThat(codes(operation, 403)).containsExactly("CROSS_SITE_REQUEST_REFUSED", "FORBIDDEN");
        assertThat(codes(operation, 404)).containsExactly("ACTION_NOT_FOUND", "PLAN_NOT_FOUND");
        assertThat(codes(operation, 415)).containsExactly("UNSUPPORTED_MEDIA_TYPE");
        assertThat(codes(operation, 422)).containsExactly("NO_CHANGE");
        assertThat(operation.getResponses().get("429").getHeaders()).containsKey("Retry-After");
    }

    @Test
    void aReadListsTheCodesOfItsParameters() throws NoSuchMethodException {
        Operation operation = described("read", Instant.class, int.class);

        assertThat(codes(operation, 400))
                .containsExactly(
                        "INVALID_INSTANT",
                        "INVALID_PARAMETER",
                        "MISSING_PARAMETER",
                        "REQUEST_REJECTED",
                        "VALIDATION_FAILED");
        assertThat(codes(operation, 403)).containsExactly("FORBIDDEN");
        assertThat(operation.getResponses()).doesNotContainKeys("413", "415", "422");
        assertThat(codes(operation, 503)).containsExactly("DATABASE_TIMEOUT", "DATABASE_UNAVAILABLE");
    }

    private static Operation described(String method, Class<?>... parameters) throws NoSuchMethodException {
        HandlerMethod handler =
                new HandlerMethod(new Endpoints(), Endpoints.class.getDeclaredMethod(method, parameters));
        return new ProblemResponses().customize(new Operation(), handler);
    }

    private static List<Object> codes(Operation operation, int status) {
        ApiResponse response = operation.getResponses().get(Integer.toString(status));
        Schema<?> schema = response.getContent().get("application/problem+json").getSchema();
        return List.copyOf(((Schema<?>) schema.getAllOf().get(1).getProperties().get("errorCode")).getEnum());
    }
}
