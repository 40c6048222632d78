package nl.actionledger.query.webapp;

import nl.actionledger.query.action.ActionView;
import nl.actionledger.query.person.ContactReaders;
import nl.actionledger.support.security.Role;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who is offered the change form of an action: as command-service decides who may change it (the action's
 * requirePermission), so that the app never shows a form whose change would be refused for the user's role or
 * organisation. A coordinator may change the actions assigned to their own organisation, compared by id after their
 * organisation (setting or claim) is resolved through the list; an admin may change any.
 */
@Component
class ActionChangeRights {

    private final RoleHierarchy roles;
    private final ContactReaders organisations;

    ActionChangeRights(RoleHierarchy roles, ContactReaders organisations) {
        this.roles = roles;
        this.organisations = organisations;
    }

    boolean mayChange(Authentication user, ActionView action) {
        if (!holds(user, Role.COORDINATOR)) {
            return false;
        }
        if (holds(user, Role.ADMIN)) {
            return true;
        }
        return action.organisation() != null
                && organisations
                        .organisationOf(user)
                        .map(action.organisation()::equals)
                        .orElse(false);
    }

    private boolean holds(Authentication user, Role role) {
        return roles.getReachableGrantedAuthorities(user.getAuthorities()).stream()
                .anyMatch(authority -> role.authority().equals(authority.getAuthority()));
    }
}
