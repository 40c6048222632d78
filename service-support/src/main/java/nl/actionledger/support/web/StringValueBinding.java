package nl.actionledger.support.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Path variables, headers and request parameters taken as text bound without a look-up in the conversion service.
 * Spring MVC hands every such value to its binder's conversion service, although text to text converts nothing. The
 * service caches its converters by source and target type, the target with the handler parameter's annotations, and
 * every text parameter of every handler hashes alike: each look-up (two per value) walks all of them, comparing their
 * annotations attribute by attribute. That was 2 % of command-service's CPU per change, for the five values of a
 * command. Everything else converts as before, through the same service.
 *
 * <p>Only the conversion service of the binding Spring Boot set up is wrapped, once the handler adapter is made; its
 * validator, message codes and the rest stay Boot's.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class StringValueBinding {

    @Bean
    static BeanPostProcessor textValuesAsTheyAre() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof RequestMappingHandlerAdapter adapter
                        && adapter.getWebBindingInitializer() instanceof ConfigurableWebBindingInitializer binding
                        && binding.getConversionService() != null) {
                    binding.setConversionService(new TextAsIs(binding.getConversionService()));
                }
                return bean;
            }
        };
    }

    /** Text to text: the text itself; any other conversion: the service's. */
    static final class TextAsIs implements ConversionService {

        private final ConversionService conversions;

        TextAsIs(ConversionService conversions) {
            this.conversions = conversions;
        }

        @Override
        public boolean canConvert(Class<?> sourceType, Class<?> targetType) {
            return conversions.canConvert(sourceType, targetType);
        }

        @Override
        public boolean canConvert(TypeDescriptor sourceType, TypeDescriptor targetType) {
            return textToText(sourceType, targetType) || conversions.canConvert(sourceType, targetType);
        }

        @Override
        public <T> T convert(Object source, Class<T> targetType) {
            return conversions.convert(source, targetType);
        }

        @Override
        public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            return textToText(sourceType, targetType) ? source : conversions.convert(source, sourceType, targetType);
        }

        private static boolean textToText(TypeDescriptor sourceType, TypeDescriptor targetType) {
            return sourceType != null && sourceType.getType() == String.class && targetType.getType() == String.class;
        }
    }
}
