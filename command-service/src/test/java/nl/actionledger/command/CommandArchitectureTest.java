package nl.actionledger.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import nl.actionledger.support.testing.PackagePrivateUnlessShared;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The shape of command-service, as rules that fail: each is also checked against classes made to break it (in the
 * test sources' {@code nl.actionledger.architecture.violations}), so that a rule that could no longer fail is noticed.
 * (That command-service does not use query-service is the Maven enforcer's rule: query-service is not on this
 * module's classpath at all.)
 */
class CommandArchitectureTest {

    /**
     * The features decide without knowing HTTP: only a feature's {@code web} package, a controller and Spring MVC's
     * own plumbing (an interceptor registers itself as a {@link WebMvcConfigurer}) use the web.
     */
    static final ArchRule FEATURES_DO_NOT_KNOW_THE_WEB = noClasses()
            .that()
            .resideOutsideOfPackage("..web..")
            .and()
            .areNotAnnotatedWith(RestController.class)
            .and()
            .areNotAssignableTo(WebMvcConfigurer.class)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("nl.actionledger..web..", "org.springframework.web..", "jakarta.servlet..")
            .because("a command is decided the same whichever way it came in");

    private final JavaClasses commandService = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.actionledger.command");

    @Test
    void featuresDoNotKnowTheWeb() {
        FEATURES_DO_NOT_KNOW_THE_WEB.check(commandService);
    }

    @Test
    void anAggregateThatUsesTheWebBreaksTheRule() {
        JavaClasses violations = new ClassFileImporter().importPackages("nl.actionledger.architecture.violations");
        assertThatThrownBy(() -> FEATURES_DO_NOT_KNOW_THE_WEB.check(violations))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("AggregateUsingTheWeb");
    }

    @Test
    void classesArePublicOnlyIfAnotherPackageUsesThem() {
        JavaClasses withTests = new ClassFileImporter().importPackages("nl.actionledger.command");
        PackagePrivateUnlessShared.rule(PackagePrivateUnlessShared.MAIN_CLASSES).check(withTests);
    }

    @Test
    void aPublicClassUsedOnlyInItsOwnPackageBreaksTheRule() {
        JavaClasses violations = new ClassFileImporter().importPackages("nl.actionledger.architecture.violations");
        assertThatThrownBy(() -> PackagePrivateUnlessShared.rule(DescribedPredicate.alwaysTrue())
                        .check(violations))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PublicButUsedOnlyHere")
                .hasMessageNotContaining("ActionRequest is public");
    }
}
