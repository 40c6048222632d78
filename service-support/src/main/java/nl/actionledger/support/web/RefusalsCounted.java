package nl.actionledger.support.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every problem a controller or a controller advice answers passes here on its way out and is counted by its
 * {@code errorCode} ({@link Refusals}); the problems the security filters write are counted by the
 * {@link ProblemWriter}. Other bodies pass through untouched after one type check. A refusal answered again to a repeated
 * request with the same idempotency key ({@value #REPLAYED} header) was counted when it was given: it is not counted
 * again.
 */
@ControllerAdvice
public class RefusalsCounted implements ResponseBodyAdvice<Object> {

    /** The header of an answer given again to a repeated request with the same idempotency key. */
    public static final String REPLAYED = "Idempotent-Replayed";

    private final Refusals refusals;

    public RefusalsCounted(Refusals refusals) {
        this.refusals = refusals;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType selectedContentType,
            Class<? extends HttpMessageConverter<?>> selectedConverterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem
                && problem.getProperties() != null
                && problem.getProperties().get(ProblemWriter.ERROR_CODE) instanceof String code
                && !response.getHeaders().containsHeader(REPLAYED)) {
            refusals.count(problem.getStatus(), code);
        }
        return body;
    }
}
