package nl.actionledger.support.web;

import jakarta.validation.ConstraintViolationException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.actionledger.support.persistence.DatabaseTimeout;
import nl.actionledger.support.persistence.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What both services answer to requests Spring MVC itself rejects, as problem details with a stable
 * {@code errorCode}. Each service's own {@code @RestControllerAdvice} extends this and adds its domain errors.
 * Nothing here echoes a stack trace or an exception message of a library to the client.
 */
public abstract class LedgerProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(LedgerProblemHandling.class);
    /** Long enough for a database restart or a failover to finish, short enough not to keep clients idle for long. */
    static final long DATABASE_RETRY_AFTER_SECONDS = 5;
    /** The extension member of VALIDATION_FAILED that lists the invalid fields of a body. */
    static final String FIELD_ERRORS = "errors";

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(unreadableBody(ex.getMostSpecificCause()));
    }

    private static ProblemDetail unreadableBody(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return ProblemWriter.problem(
                    HttpStatus.BAD_REQUEST,
                    "UNKNOWN_FIELD",
                    "Unknown field '" + unknown.getPropertyName() + "'. Known fields: "
                            + unknown.getKnownPropertyIds());
        }
        if (cause instanceof InvalidFormatException invalid
                && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return ProblemWriter.problem(
                    HttpStatus.BAD_REQUEST,
                    "UNKNOWN_VALUE",
                    "'" + invalid.getValue() + "' is not a valid " + fieldName(invalid) + "; expected one of "
                            + List.of(invalid.getTargetType().getEnumConstants()));
        }
        if (cause instanceof MismatchedInputException mismatched) {
            return ProblemWriter.problem(
                    HttpStatus.BAD_REQUEST,
                    "INVALID_VALUE",
                    "Field '" + fieldName(mismatched) + "' has the wrong type or form.");
        }
        if (cause instanceof StreamReadException || cause instanceof DatabindException) {
            return ProblemWriter.problem(
                    HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "The request body is not valid JSON.");
        }
        return ProblemWriter.problem(
                HttpStatus.BAD_REQUEST, "MALFORMED_BODY", "The request body is missing or unreadable.");
    }

    private static String fieldName(DatabindException ex) {
        String path = ex.getPath().stream()
                .map(reference -> reference.getPropertyName() != null
                        ? reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .reduce((left, right) -> right.startsWith("[") ? left + right : left + "." + right)
                .orElse("");
        return path.isEmpty() ? "body" : path;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        ProblemDetail problem = ProblemWriter.problem(
                HttpStatus.BAD_REQUEST,
                "VALIDATION_FAILED",
                "The request has invalid fields: "
                        + errors.stream()
                                .map(e -> e.get("field") + " " + e.get("message"))
                                .sorted()
                                .toList());
        problem.setProperty(FIELD_ERRORS, errors);
        return respond(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<String> messages = ex.getAllErrors().stream()
                .map(error -> String.valueOf(error.getDefaultMessage()))
                .toList();
        return respond(ProblemWriter.problem(
                HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request has invalid parameters: " + messages));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(ProblemWriter.problem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "UNSUPPORTED_MEDIA_TYPE",
                "Send the request body as application/json."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(
            HttpMediaTypeNotAcceptableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(ProblemWriter.problem(
                HttpStatus.NOT_ACCEPTABLE,
                "NOT_ACCEPTABLE",
                "This resource is available as " + ex.getSupportedMediaTypes() + "."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(ProblemWriter.problem(
                HttpStatus.METHOD_NOT_ALLOWED,
                "METHOD_NOT_ALLOWED",
                "Method " + ex.getMethod() + " is not allowed here."));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(nothingAtThisAddress());
    }

    /** The answer to an address nothing is served at: also for a service's own handling of unknown addresses. */
    public static ProblemDetail nothingAtThisAddress() {
        return ProblemWriter.problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "There is nothing at this address.");
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return respond(ProblemWriter.problem(
                HttpStatus.BAD_REQUEST,
                "MISSING_PARAMETER",
                "Query parameter '" + ex.getParameterName() + "' is required."));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        // Every other exception Spring MVC maps itself: keep its status, give it a stable code.
        HttpStatus status = HttpStatus.valueOf(statusCode.value());
        return respond(ProblemWriter.problem(status, status.name(), status.getReasonPhrase()));
    }

    /**
     * An instant that cannot be read is one error, {@code INVALID_INSTANT}, on every endpoint and for every parameter
     * (how it is read: query-service's {@code InstantParameters}).
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> onParameterTypeMismatch(MethodArgumentTypeMismatchException ex) {
        if (ex.getRequiredType() == Instant.class) {
            return respond(ProblemWriter.problem(
                    HttpStatus.BAD_REQUEST,
                    "INVALID_INSTANT",
                    "'" + ex.getName()
                            + "' must be an ISO-8601 instant such as 2026-06-30T12:00:00Z or a date such as 2026-06-30 (the end "
                            + "of that day in the Netherlands), between the years 1900 and 9999."));
        }
        return respond(ProblemWriter.problem(
                HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "Parameter '" + ex.getName() + "' has an invalid value."));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Object> onMissingHeader(MissingRequestHeaderException ex) {
        return respond(ProblemWriter.problem(
                HttpStatus.BAD_REQUEST, "MISSING_HEADER", "Header '" + ex.getHeaderName() + "' is required."));
    }

    /** Constraints checked outside Spring MVC's own parameter validation (on a {@code @Validated} bean). */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> onConstraintViolation(ConstraintViolationException ex) {
        List<String> messages = ex.getConstraintViolations().stream()
                .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
                .sorted()
                .toList();
        return respond(ProblemWriter.problem(
                HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request has invalid parameters: " + messages));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> onAccessDenied(AccessDeniedException ex) {
        return respond(
                ProblemWriter.problem(HttpStatus.FORBIDDEN, "FORBIDDEN", "Your role does not allow this request."));
    }

    /** Spring Security's firewall checks parameter values only when the controller reads them, so here. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> onRequestRejected(RequestRejectedException ex) {
        return respond(ProblemWriter.problem(
                HttpStatus.BAD_REQUEST,
                "REQUEST_REJECTED",
                "The request was rejected: a parameter contains characters that are not allowed."));
    }

    /**
     * The last resort: log the cause for operators, tell the client nothing about the internals. A database that cannot
     * be reached, or that gave up on a statement at its statement or lock timeout, is not a defect of the request or of
     * the service: it is answered 503 with {@code Retry-After}, so that clients and load balancers wait and try again
     * instead of reporting an internal error.
     */
    @ExceptionHandler(Exception.class)
    protected ResponseEntity<Object> onUnexpected(Exception ex) {
        if (DatabaseUnavailable.causedBy(ex)) {
            return databaseUnavailable(ex);
        }
        if (DatabaseTimeout.causedBy(ex)) {
            return databaseTimedOut(ex);
        }
        log.error("Unexpected error while handling a request", ex);
        return respond(ProblemWriter.problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "INTERNAL_ERROR",
                "The request could not be completed. Nothing was stored unless a success was reported."));
    }

    private static ResponseEntity<Object> databaseUnavailable(Exception ex) {
        // One line, no stack trace: while the database is away every request lands here.
        log.warn("Database unavailable while handling a request: {}", LogSafe.of(String.valueOf(rootCause(ex))));
        ProblemDetail problem = ProblemWriter.problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "DATABASE_UNAVAILABLE",
                "The database cannot be reached at the moment; try again after the time in Retry-After. A change "
                        + "whose connection broke while it was being committed may have been stored: send it again "
                        + "with the same Idempotency-Key, or look at the action before changing it again.");
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(DATABASE_RETRY_AFTER_SECONDS))
                .body(problem);
    }

    private static ResponseEntity<Object> databaseTimedOut(Exception ex) {
        log.warn("A statement was cancelled at its time limit: {}", LogSafe.of(String.valueOf(rootCause(ex))));
        ProblemDetail problem = ProblemWriter.problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "DATABASE_TIMEOUT",
                "The database did not finish in the time this service allows a statement (or a lock) to take; nothing "
                        + "of this request was stored. Try again after the time in Retry-After.");
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(DATABASE_RETRY_AFTER_SECONDS))
                .body(problem);
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    protected static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
