package nl.actionledger.support.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import nl.actionledger.support.web.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In Basic mode a browser sends the credentials it remembers with every request to the service, also when another
 * site makes it send one: a form or a script elsewhere could start a replay or a checkpoint in an admin's name. Such a
 * cross-site request can have no other body type than a form's or plain text, and no header of its own, unless this
 * service allowed it (it allows no cross-origin requests). So a state-changing request must carry a JSON body type or
 * the header {@value #HEADER}: a body of another type is answered 415, no body and no header 403.
 * (Bearer tokens are never sent by a browser on its own: JWT mode needs no such guard.)
 */
final class CrossSiteRequestGuard extends OncePerRequestFilter {

    static final String HEADER = "X-Requested-With";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final ProblemWriter problems;

    CrossSiteRequestGuard(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod())
                || isJson(request.getContentType())
                || !isBlank(request.getHeader(HEADER))) {
            chain.doFilter(request, response);
        } else if (!isBlank(request.getContentType())) {
            problems.write(
                    request,
                    response,
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "UNSUPPORTED_MEDIA_TYPE",
                    "A request that changes something takes a body of type application/json.");
        } else {
            problems.write(
                    request,
                    response,
                    HttpStatus.FORBIDDEN,
                    "CROSS_SITE_REQUEST_REFUSED",
                    "A request that changes something and has no JSON body must carry the header " + HEADER
                            + " (any value), so that another web site cannot send it in your name.");
        }
    }

    private static boolean isJson(String contentType) {
        if (isBlank(contentType)) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return "application".equals(type.getType())
                    && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
