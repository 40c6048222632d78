package nl.actionledger.support.web;

import jakarta.validation.Constraint;
import jakarta.validation.Valid;
import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;

/**
 * The problems that service-support answers (its problem handling and its security filters), for an endpoint of a
 * given shape: every endpoint needs a signed-in user with a role and reads the database; a change is guarded against
 * cross-site requests and oversized bodies; a JSON body can be unreadable or invalid; a parameter can be missing or of
 * the wrong form. Derived from the handler method's signature, so that a new parameter brings its problems with it.
 */
final class SharedProblems {

    private static final Set<RequestMethod> CHANGES =
            Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);

    private final Map<HttpStatus, SortedSet<String>> codes = new TreeMap<>();

    private SharedProblems() {}

    /** The codes by status, for the handler method of one endpoint. */
    static Map<HttpStatus, SortedSet<String>> of(HandlerMethod handler) {
        SharedProblems problems = new SharedProblems();
        problems.add(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED");
        problems.add(HttpStatus.FORBIDDEN, "FORBIDDEN");
        problems.add(HttpStatus.TOO_MANY_REQUESTS, "SIGN_IN_THROTTLED");
        problems.add(HttpStatus.BAD_REQUEST, "REQUEST_REJECTED");
        // an Accept header that names none of the endpoint's media types
        problems.add(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE");
        problems.add(HttpStatus.SERVICE_UNAVAILABLE, "DATABASE_UNAVAILABLE", "DATABASE_TIMEOUT");
        if (changesSomething(handler)) {
            problems.add(HttpStatus.FORBIDDEN, "CROSS_SITE_REQUEST_REFUSED");
            problems.add(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE");
            problems.add(HttpStatus.CONTENT_TOO_LARGE, "BODY_TOO_LARGE");
        }
        for (MethodParameter parameter : handler.getMethodParameters()) {
            problems.addFor(parameter);
        }
        return problems.codes;
    }

    private void addFor(MethodParameter parameter) {
        if (parameter.hasParameterAnnotation(RequestBody.class)) {
            add(
                    HttpStatus.BAD_REQUEST,
                    "MALFORMED_BODY",
                    "MALFORMED_JSON",
                    "UNKNOWN_FIELD",
                    "UNKNOWN_VALUE",
                    "INVALID_VALUE");
            add(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE");
        }
        boolean readFromRequest = parameter.hasParameterAnnotation(RequestParam.class)
                || parameter.hasParameterAnnotation(PathVariable.class)
                || parameter.hasParameterAnnotation(RequestHeader.class);
        if (readFromRequest && parameter.getParameterType() == Instant.class) {
            add(HttpStatus.BAD_REQUEST, "INVALID_INSTANT");
        } else if (readFromRequest && parameter.getParameterType() != String.class) {
            add(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER");
        }
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        if (query != null && query.required() && ValueConstants.DEFAULT_NONE.equals(query.defaultValue())) {
            add(HttpStatus.BAD_REQUEST, "MISSING_PARAMETER");
        }
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && header.required() && ValueConstants.DEFAULT_NONE.equals(header.defaultValue())) {
            add(HttpStatus.BAD_REQUEST, "MISSING_HEADER");
        }
        if (isValidated(parameter)) {
            add(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED");
        }
    }

    private static boolean isValidated(MethodParameter parameter) {
        return Arrays.stream(parameter.getParameterAnnotations())
                .anyMatch(annotation ->
                        annotation instanceof Valid || annotation instanceof Validated || isConstraint(annotation));
    }

    private static boolean isConstraint(Annotation annotation) {
        return annotation.annotationType().isAnnotationPresent(Constraint.class)
                // the .List forms (@Pattern.List) hold constraints
                || annotation.annotationType().getEnclosingClass() != null
                        && annotation.annotationType().getEnclosingClass().isAnnotationPresent(Constraint.class);
    }

    static boolean changesSomething(HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        return mapping != null && Arrays.stream(mapping.method()).anyMatch(CHANGES::contains);
    }

    private void add(HttpStatus status, String... errorCodes) {
        codes.computeIfAbsent(status, key -> new TreeSet<>()).addAll(Arrays.asList(errorCodes));
    }
}
