package nl.actionledger.query.webapp;

import nl.actionledger.support.security.AccessTokens;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The end of an OpenID Connect sign-in (jwt mode): the access token the issuer gave is read exactly as the API reads a
 * bearer token ({@link AccessTokens}: issuer, audience, actor, roles), and the session's sign-in becomes that token's.
 * So a page offers what the API will allow, every page names the same actor as the events the user's changes make,
 * and the change form sends that token to command-service. An access token the API would refuse (made for another
 * audience, naming no user) fails the sign-in, which the login page reports.
 */
final class AccessTokenSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService oidc = new OidcUserService();
    private final AccessTokens accessTokens;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    AccessTokenSignIn(AccessTokens accessTokens) {
        this.accessTokens = accessTokens;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = oidc.loadUser(request);
        try {
            return new ApiUser(
                    user, accessTokens.signIn(request.getAccessToken().getTokenValue()));
        } catch (JwtException | AuthenticationException refused) {
            throw new OAuth2AuthenticationException(
                    new OAuth2Error(
                            "invalid_token", "The issuer's access token is not one Action Ledger's API accepts", null),
                    refused);
        }
    }

    /** Keeps the access token's sign-in in the session, then goes on to the page asked for (else the plan). */
    AuthenticationSuccessHandler asSessionSignIn() {
        SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();
        next.setDefaultTargetUrl("/");
        return (request, response, authentication) -> {
            if (authentication.getPrincipal() instanceof ApiUser user) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(new AccessTokenSession(user.api));
                SecurityContextHolder.setContext(context);
                sessions.saveContext(context, request, response);
            }
            next.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /** The OpenID Connect user, carrying the sign-in its access token gives on the API. */
    private static final class ApiUser extends DefaultOidcUser {

        private final transient AbstractAuthenticationToken api;

        ApiUser(OidcUser user, AbstractAuthenticationToken api) {
            super(api.getAuthorities(), user.getIdToken(), user.getUserInfo(), IdTokenClaimNames.SUB);
            this.api = api;
        }
    }
}
