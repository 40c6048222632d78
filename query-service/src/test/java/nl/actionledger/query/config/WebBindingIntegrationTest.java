package nl.actionledger.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import nl.actionledger.query.QueryServiceIntegrationTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.validation.Validator;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Handler methods bind their text values through service-support's conversion service, which takes text as it is; the
 * rest of Spring Boot's binding stays as Boot set it.
 */
class WebBindingIntegrationTest extends QueryServiceIntegrationTestBase {

    @Autowired
    private RequestMappingHandlerAdapter handlerAdapter;

    @Autowired
    @Qualifier("mvcValidator")
    private Validator mvcValidator;

    @Test
    void handlerMethodsBindThroughTheBindingThatTakesTextAsItIs() {
        ConfigurableWebBindingInitializer initializer =
                (ConfigurableWebBindingInitializer) handlerAdapter.getWebBindingInitializer();

        assertThat(initializer.getConversionService().getClass().getSimpleName())
                .isEqualTo("TextAsIs");
        assertThat(initializer.getValidator()).as("Boot's validator, kept").isSameAs(mvcValidator);
    }
}
