package nl.actionledger.support.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.jwt.Jwt;

/** Reads a claim by a dotted path ({@code realm_access.roles}) from a token. */
final class Claims {

    private Claims() {}

    static Object at(Jwt token, String path) {
        Object value = token.getClaims();
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }

    static String text(Jwt token, String path) {
        Object value = at(token, path);
        return value == null ? null : value.toString();
    }

    static List<String> texts(Jwt token, String path) {
        Object value = at(token, path);
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : Arrays.asList(value.toString().trim().split("\\s+"));
    }
}
