package nl.actionledger.query.webapp;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import nl.actionledger.support.security.Role;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * The password a coordinator signed in with, kept in their session on the server, so that the changes they make in the
 * app reach command-service with their own credentials (HTTP Basic, mode basic): command-service takes the actor from
 * that sign-in, as for any client, never from what the app sends. It is never sent to the browser (the session cookie
 * is only an id), it is kept only for users who may change actions (COORDINATOR, and ADMIN who holds every role), and it
 * goes with the session: at sign-out or after 30 idle minutes. Not Serializable, so a session written to disk would
 * leave it out.
 */
final class KeptPassword {

    private static final String ATTRIBUTE = KeptPassword.class.getName();

    private final String password;

    private KeptPassword(String password) {
        this.password = password;
    }

    /**
     * Spring Security's answer to a successful sign-in on the form (to the page asked for, else the plan), after keeping
     * the password if the user may change actions.
     */
    static AuthenticationSuccessHandler keptFor(RoleHierarchy roles) {
        SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();
        next.setDefaultTargetUrl("/");
        return (request, response, authentication) -> {
            boolean changes = roles.getReachableGrantedAuthorities(authentication.getAuthorities()).stream()
                    .anyMatch(authority -> Role.COORDINATOR.authority().equals(authority.getAuthority()));
            String password = request.getParameter("password");
            if (changes && password != null) {
                request.getSession().setAttribute(ATTRIBUTE, new KeptPassword(password));
            }
            next.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /** The password kept at sign-in; empty when none was (a session from before, or a user who changes nothing). */
    static Optional<String> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(ATTRIBUTE) instanceof KeptPassword kept
                ? Optional.of(kept.password)
                : Optional.empty();
    }

    @Override
    public String toString() {
        return "KeptPassword[hidden]";
    }
}
