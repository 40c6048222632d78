package nl.actionledger.support.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;

/**
 * Describes every problem an endpoint can answer, one response per status, each listing its {@code errorCode} values:
 * those of service-support ({@link SharedProblems}) and those the handler names ({@link ErrorCodes}).
 */
final class ProblemResponses implements OperationCustomizer {

    static final String PROBLEM_SCHEMA = "Problem";
    /** What ProblemWriter and Spring MVC write a problem as. */
    private static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Map<HttpStatus, SortedSet<String>> codes = SharedProblems.of(handler);
        for (ErrorCodes declared : declared(handler)) {
            codes.computeIfAbsent(declared.status(), status -> new TreeSet<>()).addAll(Arrays.asList(declared.value()));
        }
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        codes.forEach((status, errorCodes) -> operation
                .getResponses()
                .addApiResponse(Integer.toString(status.value()), response(status, errorCodes)));
        return operation;
    }

    /** What {@link ProblemWriter} and the services' problem handling write: RFC 9457 with the project's members. */
    static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An RFC 9457 problem document. Clients act on errorCode, which is stable; the detail is "
                        + "for people and may change.")
                .addProperty(
                        "type",
                        new StringSchema()
                                .format("uri")
                                .description(
                                        "https://action-ledger.example/problems/ followed by the errorCode in lower case, "
                                                + "with hyphens")
                                .example("https://action-ledger.example/problems/action-not-found"))
                .addProperty(
                        "title",
                        new StringSchema()
                                .description("The status's reason phrase")
                                .example("Not Found"))
                .addProperty(
                        "status",
                        new IntegerSchema().description("The HTTP status").example(404))
                .addProperty(
                        "detail",
                        new StringSchema()
                                .description("What went wrong, in English")
                                .example("Plan 'eu-wap-nl' has no action '99'."))
                .addProperty(
                        "instance",
                        new StringSchema()
                                .format("uri-reference")
                                .description("The path that was asked")
                                .example("/api/plans/eu-wap-nl/actions/99"))
                .addProperty(
                        ProblemWriter.ERROR_CODE,
                        new StringSchema()
                                .description(
                                        "Stable: what a client may act on; each response lists the values it can have")
                                .example("ACTION_NOT_FOUND"))
                .addProperty(
                        LedgerProblemHandling.FIELD_ERRORS,
                        new ArraySchema()
                                .description("VALIDATION_FAILED of a request body only: each invalid field")
                                .items(new ObjectSchema()
                                        .addProperty("field", new StringSchema().example("reason"))
                                        .addProperty("message", new StringSchema().example("must not be blank"))))
                .required(List.of("type", "title", "status", "detail", ProblemWriter.ERROR_CODE));
    }

    /** The controller's codes, then the method's. */
    private static List<ErrorCodes> declared(HandlerMethod handler) {
        List<ErrorCodes> declared = new ArrayList<>(
                AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getBeanType(), ErrorCodes.class));
        declared.addAll(AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getMethod(), ErrorCodes.class));
        return declared;
    }

    private static ApiResponse response(HttpStatus status, SortedSet<String> errorCodes) {
        Schema<?> schema = new ComposedSchema()
                .addAllOfItem(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))
                .addAllOfItem(new ObjectSchema()
                        .addProperty(ProblemWriter.ERROR_CODE, new StringSchema()._enum(List.copyOf(errorCodes))));
        ApiResponse response = new ApiResponse()
                .description(status.getReasonPhrase() + ": " + String.join(", ", errorCodes))
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(schema)));
        if (status == HttpStatus.TOO_MANY_REQUESTS || status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.addHeaderObject(
                    HttpHeaders.RETRY_AFTER,
                    new Header()
                            .description("Seconds to wait before trying again.")
                            .schema(new IntegerSchema()));
        }
        return response;
    }
}
