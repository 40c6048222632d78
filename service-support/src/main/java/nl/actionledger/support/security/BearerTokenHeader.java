package nl.actionledger.support.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Reads the bearer token from the {@code Authorization} header exactly as Spring Security's
 * {@link DefaultBearerTokenResolver} does with its defaults (no token in the query or a form), without its regular
 * expression: matched character by character against an RS256 token of about 800 characters, that expression was
 * 3 % of command-service's CPU under write load. A header that does not start with {@code bearer} (any case) is no
 * bearer token; one that does but is not {@code Bearer <token68>} is refused as malformed, as there.
 */
final class BearerTokenHeader implements BearerTokenResolver {

    private static final String SCHEME = "Bearer";
    private static final int TOKEN_START = SCHEME.length() + 1;

    @Override
    public String resolve(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        if (header.length() <= TOKEN_START || header.charAt(SCHEME.length()) != ' ') {
            throw malformed();
        }
        int end = header.length();
        while (end > TOKEN_START && header.charAt(end - 1) == '=') {
            end--;
        }
        if (end == TOKEN_START) {
            throw malformed();
        }
        for (int i = TOKEN_START; i < end; i++) {
            if (!isTokenCharacter(header.charAt(i))) {
                throw malformed();
            }
        }
        return header.substring(TOKEN_START);
    }

    /** RFC 6750's b64token, before its trailing {@code =}: letters, digits and {@code - . _ ~ + /}. */
    private static boolean isTokenCharacter(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~'
                || c == '+'
                || c == '/';
    }

    private static OAuth2AuthenticationException malformed() {
        return new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
    }
}
