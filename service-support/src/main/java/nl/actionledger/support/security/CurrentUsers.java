package nl.actionledger.support.security;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Who is asking, with the organisation they work for: from the configured users, or from the token's claims. In JWT
 * mode the name is the stable actor claim and the display name comes from its own claim; a configured user's name is
 * readable already and has no display name beside it.
 */
@Component
public class CurrentUsers {

    private final Map<String, String> organisations;
    private final String organisationClaim;
    private final String displayNameClaim;

    CurrentUsers(LedgerSecurityProperties properties) {
        this.organisations = properties.users().stream()
                .filter(user -> user.organisation() != null)
                .collect(Collectors.toMap(
                        LedgerSecurityProperties.User::username,
                        LedgerSecurityProperties.User::organisation,
                        (a, b) -> a));
        this.organisationClaim = properties.jwt().organisationClaim();
        this.displayNameClaim = properties.jwt().displayNameClaim();
    }

    public CurrentUser of(Authentication authentication) {
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(authority -> Role.ADMIN.authority().equals(authority.getAuthority()));
        // a bearer token on the API, or the access token a web app session signed in with
        if (authentication.getPrincipal() instanceof Jwt token) {
            String displayName = Claims.text(token, displayNameClaim);
            return new CurrentUser(
                    authentication.getName(),
                    displayName == null || displayName.isBlank() ? null : displayName,
                    Claims.text(token, organisationClaim),
                    admin);
        }
        return new CurrentUser(authentication.getName(), null, organisations.get(authentication.getName()), admin);
    }

    /**
     * @param name         the actor: a stable id, never blank (a sign-in without one is refused)
     * @param displayName  the name people read, {@code null} when the sign-in gives none
     * @param organisation {@code null} when the user has none
     */
    public record CurrentUser(String name, String displayName, String organisation, boolean admin) {}
}
