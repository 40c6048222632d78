package nl.actionledger.support.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who a verified token signs in: the actor from the configured stable claim, roles from the roles claim (unknown role
 * names are ignored). A token that names no actor, or names the plan's own actor, signs nobody in (401): every change
 * must be traceable to a person, and none may pass as the plan's registration.
 *
 * <p>What a token signs in is read once per token and remembered while the token is ({@link VerifiedTokens} hands out
 * the same {@link Jwt} for the same token until it expires): reading the claims and checking the names again on every
 * request was 2.3 % of command-service's CPU per change. A refused token is not remembered.
 */
final class TokenUsers implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final int MAXIMUM_TOKENS = 4096;

    private final LedgerSecurityProperties.Jwt claims;
    /** By the token object itself (weak keys compare by identity), so an entry goes when the verified token does. */
    private final Cache<Jwt, SignedIn> signedIn =
            Caffeine.newBuilder().weakKeys().maximumSize(MAXIMUM_TOKENS).build();

    TokenUsers(LedgerSecurityProperties.Jwt claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt token) {
        SignedIn user = signedIn.get(token, this::read);
        return new JwtAuthenticationToken(token, user.roles(), user.actor());
    }

    /** How many tokens' users are remembered: for tests. */
    long remembered() {
        signedIn.cleanUp();
        return signedIn.estimatedSize();
    }

    private SignedIn read(Jwt token) {
        String actor = Claims.text(token, claims.actorClaim());
        if (actor == null || actor.isBlank()) {
            throw new InvalidBearerTokenException("The token names no user (claim '" + claims.actorClaim() + "').");
        }
        String displayName = Claims.text(token, claims.displayNameClaim());
        if (ActorNames.isReserved(actor) || ActorNames.isReserved(displayName)) {
            throw new InvalidBearerTokenException("The token names a user reserved for the plan itself.");
        }
        refuseUnstorable(claims.actorClaim(), actor);
        refuseUnstorable(claims.displayNameClaim(), displayName);
        return new SignedIn(actor, roles(token));
    }

    private record SignedIn(String actor, List<GrantedAuthority> roles) {}

    private static void refuseUnstorable(String claim, String name) {
        String problem = ActorNames.problemWith(name);
        if (problem != null) {
            throw new InvalidBearerTokenException("The token's claim '" + claim + "' " + problem + ".");
        }
    }

    private List<GrantedAuthority> roles(Jwt token) {
        return Claims.texts(token, claims.rolesClaim()).stream()
                .map(name -> name.strip().toUpperCase(Locale.ROOT))
                .filter(name -> Arrays.stream(Role.values())
                        .anyMatch(role -> role.name().equals(name)))
                .map(name -> (GrantedAuthority)
                        new SimpleGrantedAuthority(Role.valueOf(name).authority()))
                .toList();
    }
}
