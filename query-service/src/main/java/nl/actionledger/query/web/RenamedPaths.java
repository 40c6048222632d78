package nl.actionledger.query.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Addresses renamed so that one name means one feature ("audit" the audit trail, "history" the plan's past,
 * "integrity" the hash chains): the old ones are served as aliases by the same handlers until the next release, not
 * redirected, because a client that follows a redirect may drop its credentials, and the answer is the same. An answer
 * at an old address says so (RFC 9745 {@code Deprecation}, the date of this release) and names the new address
 * ({@code Link: <...>; rel="successor-version"}, RFC 5829).
 */
@Configuration
public class RenamedPaths implements WebMvcConfigurer {

    /** 2026-12-04, the release that renamed them. */
    static final String DEPRECATED_SINCE = "@1796342400";

    private record Rename(Pattern old, String replacement) {
    }

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

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String successor = successor(request.getRequestURI().substring(request.getContextPath().length()));
                if (successor != null) {
                    response.setHeader("Deprecation", DEPRECATED_SINCE);
                    response.addHeader(HttpHeaders.LINK, "<" + successor + ">; rel=\"successor-version\"");
                }
                return true;
            }
        }).addPathPatterns("/api/plans/*/actions/*/history", "/api/audit/verify", "/api/audit/export");
    }
}
