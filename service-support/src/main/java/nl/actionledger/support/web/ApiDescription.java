package nl.actionledger.support.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

/**
 * What both services' API descriptions share: one relative server, so that the description is the same whatever
 * address and port a service runs on (the committed copies in {@code openapi/} can then be compared with it), and
 * Swagger UI calls the service it was loaded from; the two ways of signing in, so that Swagger UI offers "Authorize"
 * and "Try it out" sends the credentials; and the header that basic mode asks of a change without a JSON body.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.swagger.v3.oas.models.OpenAPI")
public class ApiDescription {

    static final String BASIC = "basic";
    static final String BEARER = "bearer";
    /** CrossSiteRequestGuard's header. */
    private static final String CROSS_SITE_HEADER = "X-Requested-With";
    private static final Set<RequestMethod> CHANGES = Set.of(RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.PATCH, RequestMethod.DELETE);

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

    /**
     * In basic mode a request that changes something and has no JSON body must carry {@code X-Requested-With}
     * (CrossSiteRequestGuard). Declared on those operations with a value to send, which Swagger UI fills in, so that
     * "Try it out" passes the guard.
     */
    @Bean
    OperationCustomizer crossSiteRequestHeader() {
        return (operation, handler) -> {
            if (operation.getRequestBody() == null && changesSomething(handler)) {
                operation.addParametersItem(new HeaderParameter().name(CROSS_SITE_HEADER).required(false)
                        .description("Basic mode: required on this request, any value (it has no JSON body).")
                        .schema(new StringSchema()._default("swagger-ui").example("swagger-ui")));
            }
            return operation;
        };
    }

    private static boolean changesSomething(HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        return mapping != null && Arrays.stream(mapping.method()).anyMatch(CHANGES::contains);
    }
}
