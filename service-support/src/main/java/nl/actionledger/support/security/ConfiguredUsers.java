package nl.actionledger.support.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Turns the configured users into Spring Security users, refusing any password that is not a slow hash
 * ({@link PasswordHashes}) and the name of the plan's own actor ({@link ActorNames}).
 */
final class ConfiguredUsers {

    private ConfiguredUsers() {}

    static List<UserDetails> from(LedgerSecurityProperties properties, int minimumBcryptCost) {
        Set<String> seen = new HashSet<>();
        return properties.users().stream()
                .map(user -> {
                    if (user.username() == null || user.username().isBlank()) {
                        throw new IllegalStateException("actionledger.security.users: a user has no username");
                    }
                    if (!seen.add(user.username())) {
                        throw new IllegalStateException(
                                "actionledger.security.users: user '" + user.username() + "' is configured twice");
                    }
                    if (ActorNames.isReserved(user.username())) {
                        throw new IllegalStateException("actionledger.security.users: user '" + user.username()
                                + "' has the name of the plan's own registration; choose another username");
                    }
                    PasswordHashes.requireAccepted(user.username(), user.password(), minimumBcryptCost);
                    if (user.roles() == null || user.roles().isEmpty()) {
                        throw new IllegalStateException(
                                "actionledger.security.users: user '" + user.username() + "' has no roles");
                    }
                    return User.withUsername(user.username())
                            .password(user.password())
                            .authorities(
                                    user.roles().stream().map(Role::authority).toArray(String[]::new))
                            .build();
                })
                .toList();
    }
}
