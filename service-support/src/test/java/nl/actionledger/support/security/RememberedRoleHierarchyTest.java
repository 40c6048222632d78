package nl.actionledger.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

class RememberedRoleHierarchyTest {

    /** The ledger's hierarchy as Spring Security works it out, without remembering. */
    private static final RoleHierarchy SPRING = RoleHierarchyImpl.withDefaultRolePrefix()
            .role(Role.ADMIN.name())
            .implies(Role.COORDINATOR.name(), Role.AUDITOR.name())
            .role(Role.AUDITOR.name())
            .implies(Role.EVALUATOR.name())
            .build();

    private static final List<String> NAMES =
            List.of("ROLE_ADMIN", "ROLE_COORDINATOR", "ROLE_AUDITOR", "ROLE_EVALUATOR", "ROLE_OTHER", "FACTOR_BEARER");

    @Test
    void everySetOfRolesReachesWhatSpringSecuritysHierarchyReachesAskedOnceOrAgain() {
        RoleHierarchy remembered = LedgerSecurityConfiguration.roleHierarchy();
        for (int subset = 0; subset < 1 << NAMES.size(); subset++) {
            List<GrantedAuthority> authorities = authorities(subset);
            for (int asked = 0; asked < 2; asked++) {
                List<GrantedAuthority> reachable = List.copyOf(remembered.getReachableGrantedAuthorities(authorities));
                assertThat(names(reachable))
                        .as("reached from %s", authorities)
                        .isEqualTo(names(SPRING.getReachableGrantedAuthorities(authorities)));
                assertThat(reachable)
                        .as("the authorities given stay as they are")
                        .containsAll(authorities);
            }
        }
    }

    @Test
    void anAdminReachesEveryRole() {
        assertThat(names(LedgerSecurityConfiguration.roleHierarchy()
                        .getReachableGrantedAuthorities(List.of(new SimpleGrantedAuthority("ROLE_ADMIN")))))
                .containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_COORDINATOR", "ROLE_AUDITOR", "ROLE_EVALUATOR");
    }

    @Test
    void theHierarchyIsAskedOnceForASetOfRoleNames() {
        AtomicInteger asked = new AtomicInteger();
        RoleHierarchy remembered = new RememberedRoleHierarchy(authorities -> {
            asked.incrementAndGet();
            return SPRING.getReachableGrantedAuthorities(authorities);
        });
        for (int i = 0; i < 3; i++) {
            remembered.getReachableGrantedAuthorities(List.of(new SimpleGrantedAuthority("ROLE_AUDITOR")));
        }
        remembered.getReachableGrantedAuthorities(List.of(new SimpleGrantedAuthority("ROLE_ADMIN")));

        assertThat(asked).hasValue(2);
    }

    @Test
    void beyondWhatItRemembersItStillAnswersRight() {
        RoleHierarchy remembered = new RememberedRoleHierarchy(SPRING);
        for (int i = 0; i < RememberedRoleHierarchy.MOST_REMEMBERED + 50; i++) {
            List<GrantedAuthority> authorities =
                    List.of(new SimpleGrantedAuthority("ROLE_AUDITOR"), new SimpleGrantedAuthority("SCOPE_" + i));
            assertThat(names(remembered.getReachableGrantedAuthorities(authorities)))
                    .containsExactlyInAnyOrder("ROLE_AUDITOR", "ROLE_EVALUATOR", "SCOPE_" + i);
        }
    }

    @Test
    void noAuthoritiesReachNone() {
        assertThat(LedgerSecurityConfiguration.roleHierarchy().getReachableGrantedAuthorities(List.of()))
                .isEmpty();
    }

    private static List<GrantedAuthority> authorities(int subset) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            if ((subset & 1 << i) != 0) {
                authorities.add(new SimpleGrantedAuthority(NAMES.get(i)));
            }
        }
        return authorities;
    }

    private static Set<String> names(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }
}
