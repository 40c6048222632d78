package nl.actionledger.support.security;

import java.time.Duration;
import nl.actionledger.support.observe.RequestLogContext;
import nl.actionledger.support.web.ProblemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.provisioning.UserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Bearer tokens (JWT) in production, HTTP Basic against the configured users for the local run and tests;
 * stateless either way, with 401 and 403 answered as problem details.
 * Each service names who may call which endpoint ({@link EndpointAccessRules}); everything else is refused.
 * The roles form a hierarchy: ADMIN includes every role, AUDITOR includes EVALUATOR.
 */
@Configuration
@EnableWebSecurity
@EnableConfigurationProperties(LedgerSecurityProperties.class)
public class LedgerSecurityConfiguration {

    private static final String REALM = "action-ledger";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordHashes.encoder();
    }

    /** Bcrypt hashes of a cost below 10 are refused unless configured otherwise (the tests use 4, to run fast). */
    @Bean
    UserDetailsManager ledgerUsers(
            LedgerSecurityProperties properties,
            @Value("${actionledger.security.minimum-bcrypt-cost:10}") int minimumBcryptCost) {
        return new InMemoryUserDetailsManager(ConfiguredUsers.from(properties, minimumBcryptCost));
    }

    /**
     * No observation per security filter: wrapping each of the chain's filters in its own observation cost a fifth of
     * command-service's CPU per request under load. The HTTP server observation of each request stays.
     */
    @Bean
    static SecurityObservationSettings noSecurityFilterObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return new RememberedRoleHierarchy(RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.ADMIN.name())
                .implies(Role.COORDINATOR.name(), Role.AUDITOR.name())
                .role(Role.AUDITOR.name())
                .implies(Role.EVALUATOR.name())
                .build());
    }

    @Bean
    SecurityFilterChain ledgerSecurityFilterChain(
            HttpSecurity http,
            EndpointAccessRules rules,
            ProblemWriter problems,
            LedgerSecurityProperties properties,
            ObjectProvider<AccessTokens> accessTokens,
            SignInFailures signInFailures)
            throws Exception {
        boolean basicMode = properties.mode() == LedgerSecurityProperties.Mode.BASIC;
        String credentials = basicMode ? "HTTP Basic" : "a bearer token";
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            // The challenge names the scheme this service accepts (RFC 9110 11.6.1, RFC 6750 3).
            response.setHeader(
                    "WWW-Authenticate",
                    basicMode
                            ? "Basic realm=\"" + REALM + "\""
                            : e instanceof OAuth2AuthenticationException
                                    ? "Bearer realm=\"" + REALM + "\", error=\"invalid_token\""
                                    : "Bearer realm=\"" + REALM + "\"");
            problems.write(
                    request,
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "UNAUTHENTICATED",
                    "Valid credentials are required (" + credentials + ").");
        };
        if (properties.mode() == LedgerSecurityProperties.Mode.BASIC) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                    .addFilterBefore(new SignInThrottle(problems, signInFailures), BasicAuthenticationFilter.class)
                    // after the checks of who may call what, so that 401 and 403 FORBIDDEN answer as before
                    .addFilterAfter(new CrossSiteRequestGuard(problems), AuthorizationFilter.class);
        } else {
            AccessTokens tokens = accessTokens.getObject();
            JwtAuthenticationProvider bearerTokens = new JwtAuthenticationProvider(tokens.decoder());
            bearerTokens.setJwtAuthenticationConverter(tokens.users());
            // A ProviderManager of its own publishes no event per request: the one Spring Security builds published an
            // AuthenticationSuccessEvent for every bearer token (0.9 % of command-service's CPU per change), which
            // nothing here listens to. Failures are answered 401 all the same.
            http.oauth2ResourceServer(server -> server.authenticationEntryPoint(unauthenticated)
                    .bearerTokenResolver(new BearerTokenHeader())
                    .jwt(jwt -> jwt.authenticationManager(new ProviderManager(bearerTokens))));
        }
        // Right after sign-in, so that the actor is known; before the checks of who may call what, which may log.
        http.addFilterBefore(new RequestLogContext(), AuthorizationFilter.class);
        // Stateless: no session, so nothing to sign out of (Spring Security's default /logout answered an API client
        // with a redirect to a login page) and no request to keep for after a sign-in; neither filter runs per request.
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler((request, response, e) -> problems.write(
                                request,
                                response,
                                HttpStatus.FORBIDDEN,
                                "FORBIDDEN",
                                "Your role does not allow this request.")))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health", "/actuator/health/**")
                            .permitAll()
                            .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                            .permitAll()
                            .requestMatchers("/error")
                            .permitAll()
                            .requestMatchers("/actuator/**")
                            .hasRole(Role.ADMIN.name());
                    rules.apply(requests);
                    // Secure by default: an endpoint no rule names is refused, not open to every signed-in user.
                    requests.anyRequest().denyAll();
                });
        return http.build();
    }

    /**
     * JWT mode's reading of bearer tokens. The service does not start without an issuer to trust and an audience to
     * require (see {@link JwtModeSettings}).
     */
    @Bean
    @ConditionalOnProperty(name = "actionledger.security.mode", havingValue = "jwt", matchIfMissing = true)
    AccessTokens accessTokens(
            LedgerSecurityProperties properties, ObjectProvider<JwtDecoder> jwtDecoder, Environment environment) {
        if (jwtDecoder.getIfAvailable() == null) {
            throw new IllegalStateException("actionledger.security.mode is JWT, but no token issuer is configured: "
                    + "set spring.security.oauth2.resourceserver.jwt.issuer-uri (or jwk-set-uri, or "
                    + "public-key-location)");
        }
        String issuer = JwtModeSettings.expectedIssuer(properties.jwt(), environment);
        JwtModeSettings.requireAudience(environment);
        JwtModeSettings.refuseRenamedClaimSetting(environment);
        return new AccessTokens(
                VerifiedTokens.of(new ExpectedIssuer(jwtDecoder.getObject(), issuer)), properties.jwt());
    }

    /**
     * Basic mode's count of failed sign-ins, shared by every way of signing in: at most 10 per user name and 50 per
     * address in 5 minutes, unless configured otherwise.
     */
    @Bean
    static SignInFailures signInFailures(Environment environment) {
        String prefix = "actionledger.security.sign-in-throttle.";
        return new SignInFailures(
                environment.getProperty(prefix + "failures-per-user", Long.class, 10L),
                environment.getProperty(prefix + "failures-per-address", Long.class, 50L),
                environment.getProperty(prefix + "window", Duration.class, Duration.ofMinutes(5)));
    }

    /**
     * Besides Spring Security's default checks of the address and headers, refuse control characters in query
     * parameter values: a NUL cannot even be sent to PostgreSQL, and a line break has no place in a name or a
     * date. Refused parameters answer 400 REQUEST_REJECTED. Header names and values are checked as by default, without
     * its regular expressions ({@link HeaderCharacters}).
     */
    @Bean
    WebSecurityCustomizer strictParameterValues() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedParameterValues(value -> value.codePoints().noneMatch(Character::isISOControl));
        firewall.setAllowedHeaderNames(HeaderCharacters::allowedInName);
        firewall.setAllowedHeaderValues(HeaderCharacters::allowedInValue);
        return web -> web.httpFirewall(firewall);
    }

    /** URLs the firewall refuses (encoded semicolons, slashes, ...) answer with a problem too. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        return (request, response, rejected) -> problems.write(
                request,
                response,
                HttpStatus.BAD_REQUEST,
                "REQUEST_REJECTED",
                "The request was rejected: its address contains characters that are not allowed.");
    }
}
