package nl.actionledger.query.webapp;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Who is signed in, for every page's header and for what a page offers. */
@ControllerAdvice(assignableTypes = {OverviewPage.class, ActionPage.class, AuditSearchPage.class, LoginPage.class})
class WebAppModel {

    private final RoleHierarchy roles;

    WebAppModel(RoleHierarchy roles) {
        this.roles = roles;
    }

    @ModelAttribute("user")
    SignedInUser user(Authentication authentication) {
        return authentication == null || authentication instanceof AnonymousAuthenticationToken ? null
                : SignedInUser.of(authentication, roles);
    }
}
