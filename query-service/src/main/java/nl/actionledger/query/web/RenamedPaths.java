package nl.actionledger.query.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Addresses renamed so that one name means one feature ("audit" the audit trail, "history" the plan's past,
 * "integrity" the hash chains): the old ones are served as aliases by the same handlers until the next release, not
 * redirected, because a client that follows a redirect may drop its credentials, and the answer is the same. An answer
 * at an old address says so (RFC 9745 {@code Deprecation}, the date of this release) and names the new address
 * ({@code Link: <...>; rel="successor-version"}, RFC 5829).
 */
@RestControllerAdvice
class RenamedPaths implements ResponseBodyAdvice<Object> {

    /** 2026-12-04, the release that renamed them. */
    static final String DEPRECATED_SINCE = "@1796342400";

    private record Rename(Pattern old, String replacement) {}

    private static final List<Rename> RENAMES = List.of(
            new Rename(Pattern.compile("^(/api/plans/[^/]+/actions/[^/]+)/history$"), "$1/audit"),
            new Rename(Pattern.compile("^/api/audit/(verify|export)$"), "/api/integrity/$1"));

    /** The new address of an old one, or {@code null} for an address that was not renamed. */
    static String successor(String path) {
        for (Rename rename : RENAMES) {
            Matcher matcher = rename.old().matcher(path);
            if (matcher.matches()) {
                return matcher.replaceFirst(rename.replacement());
            }
        }
        return null;
    }

    /** Added as the body is written, so that the handler's own headers (a {@code Link} to the next page) stay. */
    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        String successor = successor(request.getURI().getRawPath());
        if (successor != null) {
            response.getHeaders().set("Deprecation", DEPRECATED_SINCE);
            response.getHeaders().add(HttpHeaders.LINK, "<" + successor + ">; rel=\"successor-version\"");
        }
        return body;
    }
}
