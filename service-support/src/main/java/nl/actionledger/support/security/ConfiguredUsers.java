package nl.actionledger.support.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/** Turns the configured users into Spring Security users, refusing any password that is not hashed. */
final class ConfiguredUsers {

    private ConfiguredUsers() {
    }

    static List<UserDetails> from(LedgerSecurityProperties properties) {
        Set<String> seen = new HashSet<>();
        return properties.users().stream().map(user -> {
            if (user.username() == null || user.username().isBlank()) {
                throw new IllegalStateException("actionledger.security.users: a user has no username");
            }
            if (!seen.add(user.username())) {
                throw new IllegalStateException("actionledger.security.users: user '" + user.username() + "' is configured twice");
            }
            requireHashed(user);
            if (user.roles() == null || user.roles().isEmpty()) {
                throw new IllegalStateException("actionledger.security.users: user '" + user.username() + "' has no roles");
            }
            return User.withUsername(user.username())
                    .password(user.password())
                    .authorities(user.roles().stream().map(Role::authority).toArray(String[]::new))
                    .build();
        }).toList();
    }

    private static void requireHashed(LedgerSecurityProperties.User user) {
        String password = user.password();
        boolean hashed = password != null && password.matches("\\{[a-z0-9-]+}.+") && !password.startsWith("{noop}");
        if (!hashed) {
            throw new IllegalStateException("actionledger.security.users: the password of '" + user.username()
                    + "' must be a hash such as {bcrypt}$2a$10$..., never plain text");
        }
    }
}
