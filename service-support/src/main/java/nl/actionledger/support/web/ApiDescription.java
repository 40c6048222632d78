package nl.actionledger.support.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What both services' API descriptions share: one relative server, so that the description is the same whatever
 * address and port a service runs on (the committed copies in {@code openapi/} can then be compared with it), and
 * Swagger UI calls the service it was loaded from; and the two ways of signing in, so that Swagger UI offers
 * "Authorize" and "Try it out" sends the credentials.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.swagger.v3.oas.models.OpenAPI")
public class ApiDescription {

    static final String BASIC = "basic";
    static final String BEARER = "bearer";

    @Bean
    OpenAPI apiDescription(@Value("${spring.application.name}") String service) {
        return new OpenAPI()
                .info(new Info().title("Action Ledger " + service).version("1")
                        .description("Who changed what in the Dutch implementation of the EU Action Plan against "
                                + "Wildlife Trafficking, when and why. Errors are RFC 9457 problem documents with an "
                                + "errorCode (README, \"Errors\")."))
                .servers(List.of(new Server().url("/")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("ACTIONLEDGER_SECURITY_MODE=basic (the local run, docker-compose): a "
                                        + "configured user. A POST or PUT without a JSON body also needs the header "
                                        + "X-Requested-With."))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("ACTIONLEDGER_SECURITY_MODE=jwt (production): a token of the configured "
                                        + "issuer, for the configured audience.")))
                // either one, whichever the service's mode accepts
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
