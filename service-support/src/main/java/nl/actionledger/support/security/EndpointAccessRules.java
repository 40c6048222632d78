package nl.actionledger.support.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Which role may call which of a service's endpoints. Each service declares one bean; health, the OpenAPI
 * description and the rule that every other request needs a signed-in user are added around it.
 */
@FunctionalInterface
public interface EndpointAccessRules {

    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
