package nl.actionledger.command.config;

import nl.actionledger.support.security.EndpointAccessRules;
import nl.actionledger.support.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration
class CommandAccessRules {

    /** Only coordinators (and admins, who hold every role) change actions; only admins record checkpoints, keep the list of organisations and erase contact persons. */
    @Bean
    EndpointAccessRules commandEndpointRules() {
        return requests -> requests.requestMatchers(HttpMethod.POST, "/api/plans/*/actions/*/*")
                .hasRole(Role.COORDINATOR.name())
                .requestMatchers(HttpMethod.POST, "/api/admin/checkpoints")
                .hasRole(Role.ADMIN.name())
                .requestMatchers(HttpMethod.PUT, "/api/admin/organisations/*")
                .hasRole(Role.ADMIN.name())
                .requestMatchers(HttpMethod.POST, "/api/admin/people/*/erase")
                .hasRole(Role.ADMIN.name());
    }
}
