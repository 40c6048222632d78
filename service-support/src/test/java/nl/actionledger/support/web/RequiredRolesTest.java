package nl.actionledger.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

class RequiredRolesTest {

    /** As LedgerSecurityConfiguration builds it. */
    private static final RoleHierarchy HIERARCHY = RoleHierarchyImpl.withDefaultRolePrefix()
            .role("ADMIN")
            .implies("COORDINATOR", "AUDITOR")
            .role("AUDITOR")
            .implies("EVALUATOR")
            .build();

    @Test
    void listsTheLeastRolesTheRulesLetThroughAndNamesTheOthersInTheDescription() {
        Operation report = new Operation();
        Operation current = new Operation().description("One action.");
        Operation nobody = new Operation();
        OpenAPI api = new OpenAPI()
                .paths(new Paths()
                        .addPathItem("/api/plans/{planId}/report", new PathItem().get(report))
                        .addPathItem("/api/plans/{planId}/actions/{actionId}", new PathItem().get(current))
                        .addPathItem("/api/forgotten", new PathItem().post(nobody)));
        // rules as the services write them: who may call what; the hierarchy is applied as Spring Security does
        Map<String, Set<String>> rules = Map.of(
                "GET /api/plans/x/report", Set.of("ROLE_EVALUATOR"),
                "GET /api/plans/x/actions/x", Set.of("ROLE_EVALUATOR", "ROLE_COORDINATOR"));

        new RequiredRoles(() -> evaluator(rules), HIERARCHY).customise(api);

        assertThat(report.getExtensions()).containsEntry(RequiredRoles.EXTENSION, List.of("EVALUATOR"));
        assertThat(report.getDescription())
                .isEqualTo("Needs the role EVALUATOR, or a role that includes it: AUDITOR, " + "ADMIN.");
        assertThat(current.getExtensions()).containsEntry(RequiredRoles.EXTENSION, List.of("COORDINATOR", "EVALUATOR"));
        assertThat(current.getDescription()).startsWith("One action.\n\nNeeds the role COORDINATOR or EVALUATOR");
        assertThat(nobody.getExtensions()).containsEntry(RequiredRoles.EXTENSION, List.of());
        assertThat(nobody.getDescription()).isEqualTo("No role may call this.");
    }

    private static WebInvocationPrivilegeEvaluator evaluator(Map<String, Set<String>> rules) {
        return new WebInvocationPrivilegeEvaluator() {
            @Override
            public boolean isAllowed(String uri, Authentication authentication) {
                return isAllowed("", uri, "GET", authentication);
            }

            @Override
            public boolean isAllowed(String contextPath, String uri, String method, Authentication authentication) {
                Set<String> allowed = rules.getOrDefault(method + " " + uri, Set.of());
                return HIERARCHY.getReachableGrantedAuthorities(authentication.getAuthorities()).stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(allowed::contains);
            }
        };
    }
}
