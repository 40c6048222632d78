package nl.actionledger.query.webapp;

import java.util.Collection;
import nl.actionledger.support.security.Role;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * What the signed-in user may see, so that a page never offers what the API would refuse them (README "Who may do
 * what"), with the roles one role holds (ADMIN all, AUDITOR also EVALUATOR).
 */
record SignedInUser(String name, boolean evaluates, boolean audits, boolean administers) {

    static SignedInUser of(Authentication authentication, RoleHierarchy roles) {
        Collection<? extends GrantedAuthority> held =
                roles.getReachableGrantedAuthorities(authentication.getAuthorities());
        return new SignedInUser(
                authentication.getName(),
                holds(held, Role.EVALUATOR),
                holds(held, Role.AUDITOR),
                holds(held, Role.ADMIN));
    }

    private static boolean holds(Collection<? extends GrantedAuthority> held, Role role) {
        return held.stream().anyMatch(authority -> role.authority().equals(authority.getAuthority()));
    }
}
