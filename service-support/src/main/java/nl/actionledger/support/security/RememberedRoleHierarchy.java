package nl.actionledger.support.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.GrantedAuthority;

/**
 * A role hierarchy that works out once which roles a set of roles implies. Spring Security asks on every authorization
 * of every request; {@code RoleHierarchyImpl} works the answer out each time and formats a debug message while at it,
 * which commons-logging's SLF4J bridge builds before the level is checked: 1.4 % of command-service's CPU in the
 * benchmark's profile. What a set of roles implies depends on their names only, and users hold one of a handful of sets;
 * the memory is bounded all the same, beyond it the hierarchy is asked each time.
 */
final class RememberedRoleHierarchy implements RoleHierarchy {

    static final int MOST_REMEMBERED = 256;

    private final RoleHierarchy hierarchy;
    private final Map<Set<String>, List<GrantedAuthority>> impliedByNames = new ConcurrentHashMap<>();

    RememberedRoleHierarchy(RoleHierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    /** The authorities given, followed by the roles they imply that none of them names. */
    @Override
    public Collection<? extends GrantedAuthority> getReachableGrantedAuthorities(
            Collection<? extends GrantedAuthority> authorities) {
        if (authorities == null || authorities.isEmpty()) {
            return hierarchy.getReachableGrantedAuthorities(authorities);
        }
        Set<String> names = new HashSet<>();
        authorities.forEach(authority -> names.add(authority.getAuthority()));
        List<GrantedAuthority> implied = impliedByNames.get(names);
        if (implied == null) {
            implied = implied(authorities, names);
            if (impliedByNames.size() < MOST_REMEMBERED) {
                impliedByNames.put(names, implied);
            }
        }
        List<GrantedAuthority> reachable = new ArrayList<>(authorities.size() + implied.size());
        reachable.addAll(authorities);
        reachable.addAll(implied);
        return reachable;
    }

    private List<GrantedAuthority> implied(Collection<? extends GrantedAuthority> authorities, Set<String> names) {
        List<GrantedAuthority> implied = new ArrayList<>();
        for (GrantedAuthority reachable : hierarchy.getReachableGrantedAuthorities(authorities)) {
            if (!names.contains(reachable.getAuthority())) {
                implied.add(reachable);
            }
        }
        return List.copyOf(implied);
    }
}
