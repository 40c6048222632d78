package nl.actionledger.query.webapp;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Who is signed in, for every page's header and for what a page offers; the header's language links. For every
 * controller of this package: they are the app's pages.
 */
@ControllerAdvice(basePackageClasses = WebAppModel.class)
class WebAppModel {

    private final RoleHierarchy roles;

    WebAppModel(RoleHierarchy roles) {
        this.roles = roles;
    }

    @ModelAttribute("user")
    SignedInUser user(Authentication authentication) {
        return authentication == null || authentication instanceof AnonymousAuthenticationToken
                ? null
                : SignedInUser.of(authentication, roles);
    }

    /**
     * The page being shown, in each language: its address and parameters (a plan, a filter, a page of a timeline) with
     * only {@code lang} replaced, so switching the language keeps what the user was looking at.
     */
    @ModelAttribute("languageLinks")
    Map<String, String> languageLinks(HttpServletRequest request) {
        String query = request.getQueryString();
        Map<String, String> links = new LinkedHashMap<>();
        for (String language : List.of("nl", "en")) {
            links.put(
                    language,
                    UriComponentsBuilder.fromUriString(request.getRequestURI() + (query == null ? "" : "?" + query))
                            .replaceQueryParam("lang", language)
                            .replaceQueryParam("continue") // Spring Security's mark of a request resumed after sign-in
                            .build(true)
                            .toUriString());
        }
        return links;
    }
}
