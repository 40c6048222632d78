package nl.actionledger.crudbaseline.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is asking: the name and roles come from the token as Spring Boot's resource server reads them (see
 * application.yml), the organisation from the same claim Action Ledger reads.
 *
 * @param organisation {@code null} when the token names none
 */
public record CurrentUser(String name, String organisation, boolean admin) {

    static final String ORGANISATION_CLAIM = "organisation";

    public static CurrentUser of(Authentication authentication) {
        String organisation = authentication instanceof JwtAuthenticationToken token
                ? token.getToken().getClaimAsString(ORGANISATION_CLAIM)
                : null;
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(authority -> ("ROLE_" + Roles.ADMIN).equals(authority.getAuthority()));
        return new CurrentUser(authentication.getName(), organisation, admin);
    }
}
