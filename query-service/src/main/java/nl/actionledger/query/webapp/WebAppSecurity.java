package nl.actionledger.query.webapp;

import java.util.stream.Stream;
import nl.actionledger.support.security.AccessTokens;
import nl.actionledger.support.security.Role;
import nl.actionledger.support.security.SignInFailures;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The web app's own sign-in, beside the API's (LedgerSecurityConfiguration, stateless, unchanged): a session cookie
 * (HttpOnly, SameSite, Secure: see application.yml), a CSRF token in every form and a Content-Security-Policy that
 * allows nothing inline and nothing from elsewhere. It matches every address but the API's ({@link #API}), which go on
 * to the API's chain. How users sign in depends on the mode:
 * <ul>
 * <li>basic: a login page for the configured users, whose failed sign-ins count against the same limit as the API's
 * (FormSignInThrottle);</li>
 * <li>jwt: OpenID Connect with the issuer whose tokens the API trusts (authorization code with PKCE), when a client
 * registration {@value #REGISTRATION} is configured. The session holds the access token the issuer gave, read as the
 * API reads it ({@link AccessTokenSignIn}): who the user is and which roles they hold come from that token, and the
 * change form sends it to command-service. Without a registration the app is not offered in this mode, and its
 * addresses are refused by the API's chain.</li>
 * </ul>
 */
@Configuration
class WebAppSecurity {

    /** The client registration of the web app at the issuer ({@code spring.security.oauth2.client.registration.*}). */
    static final String REGISTRATION = "actionledger";

    /**
     * The API's addresses, its description and the error page: everything else is the app's (pages, sign-in, static
     * files under /app/), so that an address nobody serves answers the app's "not found" page to a signed-in user
     * rather than the API's problem document or 401 (UnknownAddresses).
     */
    static final RequestMatcher API = new OrRequestMatcher(Stream.of(
                    "/api/**",
                    "/actuator/**",
                    "/v3/api-docs",
                    "/v3/api-docs/**",
                    "/swagger-ui.html",
                    "/swagger-ui/**",
                    "/error")
            .map(PathPatternRequestMatcher.withDefaults()::matcher)
            .toArray(RequestMatcher[]::new));

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    @Order(1)
    @ConditionalOnProperty(name = "actionledger.security.mode", havingValue = "basic")
    SecurityFilterChain webAppSecurityFilterChain(HttpSecurity http, SignInFailures signInFailures, RoleHierarchy roles)
            throws Exception {
        FormSignInThrottle throttle = new FormSignInThrottle(signInFailures);
        pages(http)
                .addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
                .formLogin(login -> login.loginPage(FormSignInThrottle.LOGIN)
                        .successHandler(KeptPassword.keptFor(roles))
                        .failureHandler(throttle.countingFailures())
                        .permitAll());
        return http.build();
    }

    /**
     * Signing in sends the browser to the issuer, which sends it back with a code; the code is exchanged for tokens with
     * the PKCE verifier only this session knows. The form's ID token says the user signed in; the access token, checked
     * as the API checks it, says who they are to Action Ledger.
     */
    @Bean
    @Order(1)
    @ConditionalOnProperty(name = "actionledger.security.mode", havingValue = "jwt", matchIfMissing = true)
    @ConditionalOnProperty(prefix = "spring.security.oauth2.client.registration." + REGISTRATION, name = "client-id")
    SecurityFilterChain webAppOidcSecurityFilterChain(
            HttpSecurity http, AccessTokens accessTokens, ClientRegistrationRepository registrations) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver withPkce =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        withPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        AccessTokenSignIn signIn = new AccessTokenSignIn(accessTokens);
        pages(http)
                .addFilterBefore(new ExpiredSignIns(), AuthorizationFilter.class)
                .oauth2Login(login -> login.loginPage(FormSignInThrottle.LOGIN)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(withPkce))
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(signIn))
                        .successHandler(signIn.asSessionSignIn())
                        .failureUrl(FormSignInThrottle.LOGIN + "?error"));
        return http.build();
    }

    /** What both modes share: which pages each role may open, the pages for refusals and sign-out, the headers. */
    private static HttpSecurity pages(HttpSecurity http) throws Exception {
        return http.securityMatcher(new NegatedRequestMatcher(API))
                .authorizeHttpRequests(requests -> requests
                        // /denied also answers a refused form without its CSRF token, which may come before sign-in
                        .requestMatchers(FormSignInThrottle.LOGIN, RefusedPages.DENIED, "/app/**", SiteIcon.PATH)
                        .permitAll()
                        .requestMatchers("/auditing/**")
                        .hasRole(Role.AUDITOR.name())
                        .requestMatchers("/history/**", "/reports/**")
                        .hasRole(Role.EVALUATOR.name())
                        .requestMatchers("/admin/**")
                        .hasRole(Role.ADMIN.name())
                        // the change form (ActionChangeForm); command-service checks the organisation again
                        .requestMatchers(HttpMethod.POST, "/actions/**")
                        .hasRole(Role.COORDINATOR.name())
                        .anyRequest()
                        .hasAnyRole(Role.EVALUATOR.name(), Role.COORDINATOR.name()))
                // a page that says so, in the user's language, rather than the API's problem document
                .exceptionHandling(handling -> handling.accessDeniedHandler(new RefusedPages()))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl(FormSignInThrottle.LOGIN + "?logout")
                        .deleteCookies("JSESSIONID"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        // CSRF protection stays on (Spring Security's default, a token per session in every form).
    }
}
