package nl.actionledger.support.security;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How users sign in ({@code actionledger.security}). {@code mode} JWT is for production: an OAuth2 resource
 * server that takes the user name, roles and organisation from configurable claims. BASIC is for the local run
 * and the tests: HTTP Basic against {@code users}, of which there are none by default.
 */
@ConfigurationProperties("actionledger.security")
public record LedgerSecurityProperties(Mode mode, List<User> users, Jwt jwt) {

    public enum Mode {
        BASIC,
        JWT
    }

    public LedgerSecurityProperties {
        mode = mode == null ? Mode.JWT : mode;
        users = users == null ? List.of() : List.copyOf(users);
        jwt = jwt == null ? new Jwt(null, null, null, null, null) : jwt;
    }

    /**
     * @param password     a hash in Spring Security's {@code {id}hash} form, e.g. {@code {bcrypt}$2a$10$...}
     * @param organisation the organisation a coordinator works for, if any
     */
    public record User(String username, String password, Set<Role> roles, String organisation) {}

    /**
     * Whose tokens to trust and where a token says who the user is. A claim may be a path into nested objects
     * ({@code realm_access.roles}). The roles claim holds role names (COORDINATOR, EVALUATOR, AUDITOR, ADMIN), as a
     * list or space-separated.
     *
     * @param issuer           the {@code iss} every token must carry; when not set, Spring Boot's
     *                         {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}. One of the two is required.
     * @param actorClaim       who made a change, as recorded in every event: a claim that never changes for a person
     *                         ({@code sub} by default), unlike a user name that can be renamed or reused
     * @param displayNameClaim the name people read ({@code preferred_username} by default), recorded beside the actor
     */
    public record Jwt(
            String issuer, String actorClaim, String displayNameClaim, String rolesClaim, String organisationClaim) {

        public Jwt {
            actorClaim = actorClaim == null ? "sub" : actorClaim;
            displayNameClaim = displayNameClaim == null ? "preferred_username" : displayNameClaim;
            rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
            organisationClaim = organisationClaim == null ? "organisation" : organisationClaim;
        }
    }
}
