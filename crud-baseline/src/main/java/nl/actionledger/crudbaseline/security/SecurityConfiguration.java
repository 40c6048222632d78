package nl.actionledger.crudbaseline.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Boot's OAuth2 resource server as it comes: the key, audience and claims are properties (application.yml
 * and the environment), no caching of verified tokens. Who may call what mirrors Action Ledger; anything else is
 * refused.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(
                        requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**", "/error")
                                .permitAll()
                                .requestMatchers(
                                        HttpMethod.POST,
                                        "/api/plans/*/actions/*/status",
                                        "/api/plans/*/actions/*/assignment",
                                        "/api/plans/*/actions/*/timeframe")
                                .hasAnyRole(Roles.COORDINATOR, Roles.ADMIN)
                                .requestMatchers(HttpMethod.GET, "/api/plans/*/actions")
                                .hasAnyRole(Roles.COORDINATOR, Roles.EVALUATOR, Roles.AUDITOR, Roles.ADMIN)
                                .requestMatchers("/api/admin/**")
                                .hasRole(Roles.ADMIN)
                                .anyRequest()
                                .denyAll())
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
