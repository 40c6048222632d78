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
     * the audit trail (per action and across the plan) and the integrity of the hash chains for auditors, who may
     * also start a full verification; projections for admins. The addresses renamed in this release are listed
     * beside their new ones until the next ({@link nl.actionledger.query.web.RenamedPaths}). ADMIN holds every role and
     * AUDITOR includes EVALUATOR (see LedgerSecurityConfiguration). Anything not listed is refused.
     */
    @Bean
    EndpointAccessRules queryEndpointRules() {
        return requests -> requests.requestMatchers("/api/admin/**")
                .hasRole(Role.ADMIN.name())
                .requestMatchers(HttpMethod.GET, "/api/plans/*/actions/*/audit", "/api/plans/*/actions/*/history")
                .hasRole(Role.AUDITOR.name())
                .requestMatchers(HttpMethod.GET, "/api/audit", "/api/audit/**", "/api/integrity/**")
                .hasRole(Role.AUDITOR.name())
                .requestMatchers(HttpMethod.POST, "/api/integrity/verify", "/api/audit/verify")
                .hasRole(Role.AUDITOR.name())
                .requestMatchers(
                        HttpMethod.GET,
                        "/api/plans/*/as-of",
                        "/api/plans/*/actions/*/as-of",
                        "/api/plans/*/changes",
                        "/api/plans/*/report",
                        "/api/plans/*/status-over-time")
                .hasRole(Role.EVALUATOR.name())
                .requestMatchers(
                        HttpMethod.GET,
                        "/api/plans",
                        "/api/plans/*/actions",
                        "/api/plans/*/actions/*",
                        "/api/organisations")
                .hasAnyRole(Role.EVALUATOR.name(), Role.COORDINATOR.name());
    }
}
