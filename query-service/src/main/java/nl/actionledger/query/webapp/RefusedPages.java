package nl.actionledger.query.webapp;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * What a refused page or form answers. A form whose CSRF token the session does not know (the session ended: 30 idle
 * minutes, a sign-out, a restart) is no question of the user's role: the sign-in form goes back to the login page, which
 * says it had expired, with a new token; any other form to the refusal page ({@code /denied}, 403), which says so
 * instead of "not for your role" ({@link LoginPage#denied}).
 */
final class RefusedPages implements AccessDeniedHandler {

    static final String DENIED = "/denied";
    static final String LOGIN_EXPIRED = FormSignInThrottle.LOGIN + "?expired";

    private final AccessDeniedHandlerImpl toTheRefusalPage = new AccessDeniedHandlerImpl();

    RefusedPages() {
        toTheRefusalPage.setErrorPage(DENIED);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
            throws IOException, ServletException {
        if (refused instanceof CsrfException && FormSignInThrottle.LOGIN.equals(request.getServletPath())) {
            response.sendRedirect(request.getContextPath() + LOGIN_EXPIRED);
            return;
        }
        toTheRefusalPage.handle(request, response, refused);
    }
}
