package nl.actionledger.support.security;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The users who may sign in with HTTP Basic, from configuration ({@code actionledger.security.users}).
 * There are none by default: only the local run adds its demo users.
 */
@ConfigurationProperties("actionledger.security")
public record LedgerSecurityProperties(List<User> users) {

    public LedgerSecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /**
     * @param password     a hash in Spring Security's {@code {id}hash} form, e.g. {@code {bcrypt}$2a$10$...}
     * @param organisation the organisation a coordinator works for, if any
     */
    public record User(String username, String password, Set<Role> roles, String organisation) {
    }
}
