package nl.actionledger.query.config;

import nl.actionledger.support.security.EndpointAccessRules;
import nl.actionledger.support.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration
class QueryAccessRules {

    /**
     * The current views are for everyone who works with the plan; the plan's past and reports for evaluators;
     * per-action history and the audit trail for auditors, who may also start a full verification of the
     * hash chains; projections for admins. ADMIN holds every role and
     * AUDITOR includes EVALUATOR (see LedgerSecurityConfiguration). Anything not listed is refused.
     */
    @Bean
    EndpointAccessRules queryEndpointRules() {
        return requests -> requests
                .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
                .requestMatchers(HttpMethod.GET, "/api/plans/*/actions/*/history").hasRole(Role.AUDITOR.name())
                .requestMatchers(HttpMethod.GET, "/api/audit", "/api/audit/**").hasRole(Role.AUDITOR.name())
                .requestMatchers(HttpMethod.POST, "/api/audit/verify").hasRole(Role.AUDITOR.name())
                .requestMatchers(HttpMethod.GET, "/api/plans/*/as-of", "/api/plans/*/actions/*/as-of",
                        "/api/plans/*/changes", "/api/plans/*/report").hasRole(Role.EVALUATOR.name())
                .requestMatchers(HttpMethod.GET, "/api/plans/*/actions", "/api/plans/*/actions/*", "/api/organisations")
                .hasAnyRole(Role.EVALUATOR.name(), Role.COORDINATOR.name());
    }
}
