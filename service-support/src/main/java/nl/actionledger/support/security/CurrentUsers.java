package nl.actionledger.support.security;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/** Who is asking, with the organisation they work for: from the configured users, or from the token's claim. */
@Component
public class CurrentUsers {

    private final Map<String, String> organisations;
    private final String organisationClaim;

    CurrentUsers(LedgerSecurityProperties properties) {
        this.organisations = properties.users().stream().filter(user -> user.organisation() != null)
                .collect(Collectors.toMap(LedgerSecurityProperties.User::username,
                        LedgerSecurityProperties.User::organisation, (a, b) -> a));
        this.organisationClaim = properties.jwt().organisationClaim();
    }

    public CurrentUser of(Authentication authentication) {
        String organisation = authentication instanceof JwtAuthenticationToken jwt
                ? Claims.text(jwt.getToken(), organisationClaim)
                : organisations.get(authentication.getName());
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(authority -> Role.ADMIN.authority().equals(authority.getAuthority()));
        return new CurrentUser(authentication.getName(), organisation, admin);
    }

    /** @param organisation {@code null} when the user has none */
    public record CurrentUser(String name, String organisation, boolean admin) {
    }

}
