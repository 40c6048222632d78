package nl.actionledger.query.webapp;

import nl.actionledger.support.security.Role;
import nl.actionledger.support.security.SignInFailures;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The web app's own sign-in, beside the API's (LedgerSecurityConfiguration, stateless, unchanged): a login page for the
 * configured users, whose failed sign-ins count against the same limit as the API's (FormSignInThrottle), a session
 * cookie (HttpOnly, SameSite, Secure: see application.yml), a CSRF token in every form and a Content-Security-Policy
 * that allows nothing inline and nothing from elsewhere. It matches only the app's pages, its login and logout and its
 * static files; every other request goes on to the API's chain.
 * Basic mode only: in jwt mode the app is not offered yet, and its addresses are refused by the API's chain.
 */
@Configuration
@ConditionalOnProperty(name = "actionledger.security.mode", havingValue = "basic")
class WebAppSecurity {

    /** The app's addresses: pages, sign-in and static files (under /app/). */
    static final String[] PATHS = {"/", "/login", "/logout", "/denied", "/actions/**", "/auditing/**", "/app/**",
            "/history/**", "/reports/**", "/admin/**"};

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain webAppSecurityFilterChain(HttpSecurity http, SignInFailures signInFailures, RoleHierarchy roles)
            throws Exception {
        FormSignInThrottle throttle = new FormSignInThrottle(signInFailures);
        http.securityMatcher(PATHS)
                .addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // /denied also answers a refused form without its CSRF token, which may come before sign-in
                        .requestMatchers("/login", "/denied", "/app/**").permitAll()
                        .requestMatchers("/auditing/**").hasRole(Role.AUDITOR.name())
                        .requestMatchers("/history/**", "/reports/**").hasRole(Role.EVALUATOR.name())
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        // the change form (ActionChangeForm); command-service checks the organisation again
                        .requestMatchers(HttpMethod.POST, "/actions/**").hasRole(Role.COORDINATOR.name())
                        .anyRequest().hasAnyRole(Role.EVALUATOR.name(), Role.COORDINATOR.name()))
                .formLogin(login -> login.loginPage(FormSignInThrottle.LOGIN).successHandler(KeptPassword.keptFor(roles))
                        .failureHandler(throttle.countingFailures()).permitAll())
                // a page that says so, in the user's language, rather than the API's problem document
                .exceptionHandling(handling -> handling.accessDeniedPage("/denied"))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .deleteCookies("JSESSIONID"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer
                                .policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        // CSRF protection stays on (Spring Security's default, a token per session in every form).
        return http.build();
    }
}
