package nl.actionledger.support.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * What both services' API descriptions share: one relative server, so that the description is the same whatever
 * address and port a service runs on (the committed copies in {@code openapi/} can then be compared with it), and
 * Swagger UI calls the service it was loaded from; the two ways of signing in, so that Swagger UI offers "Authorize"
 * and "Try it out" sends the credentials; the header that basic mode asks of a change without a JSON body; every
 * problem each endpoint can answer, with its {@code errorCode} values ({@link ProblemResponses}); and the roles each
 * endpoint needs ({@link RequiredRoles}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.swagger.v3.oas.models.OpenAPI")
public class ApiDescription {

    static final String BASIC = "basic";
    static final String BEARER = "bearer";
    /** CrossSiteRequestGuard's header. */
    private static final String CROSS_SITE_HEADER = "X-Requested-With";

    @Bean
    OpenAPI apiDescription(@Value("${spring.application.name}") String service) {
        return new OpenAPI()
                .info(new Info()
                        .title("Action Ledger " + service)
                        .version("1")
                        .description("Who changed what in the Dutch implementation of the EU Action Plan against "
                                + "Wildlife Trafficking, when and why. Errors are RFC 9457 problem documents with an "
                                + "errorCode (README, \"Errors\"); each operation lists those it can answer, and a "
                                + "method a path does not list answers 405 METHOD_NOT_ALLOWED."))
                .servers(List.of(new Server().url("/")))
                .components(new Components()
                        .addSchemas(ProblemResponses.PROBLEM_SCHEMA, ProblemResponses.problemSchema())
                        .addSecuritySchemes(
                                BASIC,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description(
                                                "ACTIONLEDGER_SECURITY_MODE=basic (the local run, docker-compose): a "
                                                        + "configured user. A POST or PUT without a JSON body also needs the header "
                                                        + "X-Requested-With."))
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description(
                                                "ACTIONLEDGER_SECURITY_MODE=jwt (production): a token of the configured "
                                                        + "issuer, for the configured audience.")))
                // either one, whichever the service's mode accepts
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /**
     * In basic mode a request that changes something and has no JSON body must carry {@code X-Requested-With}
     * (CrossSiteRequestGuard). Declared on those operations with a value to send, which Swagger UI fills in, so that
     * "Try it out" passes the guard.
     */
    @Bean
    OperationCustomizer crossSiteRequestHeader() {
        return (operation, handler) -> {
            if (operation.getRequestBody() == null && SharedProblems.changesSomething(handler)) {
                operation.addParametersItem(new HeaderParameter()
                        .name(CROSS_SITE_HEADER)
                        .required(false)
                        .description("Basic mode: required on this request, any value (it has no JSON body).")
                        .schema(new StringSchema()._default("swagger-ui").example("swagger-ui")));
            }
            return operation;
        };
    }

    @Bean
    OperationCustomizer problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    OpenApiCustomizer requiredRoles(ObjectProvider<WebInvocationPrivilegeEvaluator> rules, RoleHierarchy hierarchy) {
        return new RequiredRoles(rules::getObject, hierarchy);
    }
}
