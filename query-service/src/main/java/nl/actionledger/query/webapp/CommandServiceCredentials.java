package nl.actionledger.query.webapp;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;

/**
 * How a change made in the app signs in to command-service as the user who made it, as an {@code Authorization}
 * header: the access token of their sign-in (jwt mode, {@link AccessTokenSession}), or their name with the password kept
 * at sign-in (basic mode, {@link KeptPassword}). Never shown or logged.
 */
final class CommandServiceCredentials {

    private final String authorization;

    private CommandServiceCredentials(String authorization) {
        this.authorization = authorization;
    }

    static CommandServiceCredentials basic(String user, String password) {
        return new CommandServiceCredentials(
                "Basic " + HttpHeaders.encodeBasicAuth(user, password, StandardCharsets.UTF_8));
    }

    static CommandServiceCredentials bearer(String accessToken) {
        return new CommandServiceCredentials("Bearer " + accessToken);
    }

    /** The signed-in user's; empty when none are at hand (a password not kept, a token expired): they sign in again. */
    static Optional<CommandServiceCredentials> of(Authentication user, HttpServletRequest request) {
        if (user instanceof AccessTokenSession session) {
            return session.expired() ? Optional.empty() : Optional.of(bearer(session.accessToken()));
        }
        return KeptPassword.of(request).map(password -> basic(user.getName(), password));
    }

    String authorization() {
        return authorization;
    }

    @Override
    public String toString() {
        return "CommandServiceCredentials[hidden]";
    }
}
