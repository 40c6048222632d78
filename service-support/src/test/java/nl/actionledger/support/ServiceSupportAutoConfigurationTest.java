package nl.actionledger.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Import;

/**
 * The services no longer scan this library: a component it declares reaches them only if the auto-configuration
 * imports it. One left out is silently missing (as the refusals' counter of controller problems once was).
 */
class ServiceSupportAutoConfigurationTest {

    @Test
    void importsEveryComponentOfTheLibrary() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
        Set<String> components = scanner.findCandidateComponents("nl.actionledger.support").stream()
                .map(BeanDefinition::getBeanClassName)
                .filter(name -> !name.contains("$Migrations")) // MigrationsOnly's own application, never a service's
                .filter(name -> !name.equals(ServiceSupportAutoConfiguration.class.getName()))
                .collect(Collectors.toSet());
        Set<String> imported = Arrays.stream(ServiceSupportAutoConfiguration.class
                        .getAnnotation(Import.class)
                        .value())
                .map(Class::getName)
                .collect(Collectors.toSet());

        assertThat(components).isNotEmpty();
        assertThat(imported).containsAll(components);
    }
}
