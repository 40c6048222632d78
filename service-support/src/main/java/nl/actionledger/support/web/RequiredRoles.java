package nl.actionledger.support.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.actionledger.support.security.Role;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * The roles each endpoint needs, as {@code x-required-roles} and a sentence of its description, found by asking the
 * service's own security rules (the same evaluator Spring Security's filters use) whether a user of each role may call
 * it: the description cannot say other than what is enforced. Listed are the least roles that are let through; a role
 * that includes one of them (ADMIN every role, AUDITOR EVALUATOR) is let through as well.
 */
final class RequiredRoles implements OpenApiCustomizer {

    static final String EXTENSION = "x-required-roles";
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^}]+}");

    /** Asked for when the description is made: the security filter chain is built by then. */
    private final Supplier<WebInvocationPrivilegeEvaluator> rules;

    private final RoleHierarchy hierarchy;

    RequiredRoles(Supplier<WebInvocationPrivilegeEvaluator> rules, RoleHierarchy hierarchy) {
        this.rules = rules;
        this.hierarchy = hierarchy;
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        WebInvocationPrivilegeEvaluator evaluator = rules.get();
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, operation) -> describe(operation, allowed(evaluator, path, method))));
    }

    private List<Role> allowed(WebInvocationPrivilegeEvaluator evaluator, String path, PathItem.HttpMethod method) {
        // any value stands for a path variable: the rules match on the address's shape
        String address = PATH_VARIABLE.matcher(path).replaceAll("x");
        return Arrays.stream(Role.values())
                .filter(role -> evaluator.isAllowed("", address, method.name(), userWith(role)))
                .toList();
    }

    private void describe(Operation operation, List<Role> allowed) {
        List<Role> least = allowed.stream()
                .filter(role -> allowed.stream().noneMatch(other -> other != role && includes(role, other)))
                .toList();
        operation.addExtension(EXTENSION, least.stream().map(Role::name).toList());
        List<Role> including =
                allowed.stream().filter(role -> !least.contains(role)).toList();
        String sentence = allowed.isEmpty()
                ? "No role may call this."
                : "Needs the role " + least.stream().map(Role::name).collect(Collectors.joining(" or "))
                        + (including.isEmpty()
                                ? "."
                                : ", or a role that includes it: "
                                        + including.stream().map(Role::name).collect(Collectors.joining(", ")) + ".");
        operation.setDescription(
                operation.getDescription() == null ? sentence : operation.getDescription() + "\n\n" + sentence);
    }

    private boolean includes(Role role, Role other) {
        return hierarchy.getReachableGrantedAuthorities(AuthorityUtils.createAuthorityList(role.authority())).stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(other.authority()::equals);
    }

    private static Authentication userWith(Role role) {
        return UsernamePasswordAuthenticationToken.authenticated(
                "api-description", null, AuthorityUtils.createAuthorityList(role.authority()));
    }
}
