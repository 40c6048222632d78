package nl.actionledger.query;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.Arrays;
import java.util.Set;
import nl.actionledger.support.testing.PackagePrivateUnlessShared;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The shape of query-service, as rules that fail: each is also checked against classes made to break it (in the
 * test sources' {@code nl.actionledger.architecture.violations}), so that a rule that could no longer fail is noticed.
 * (That query-service does not use command-service is the Maven enforcer's rule: command-service is not on this
 * module's classpath at all.)
 */
class QueryArchitectureTest {

    private static final String[] WEB = {"nl.actionledger..web..", "org.springframework.web..", "jakarta.servlet.."};

    /**
     * The features answer their questions without knowing HTTP: only the {@code web} package (the problem responses,
     * the spreadsheets' downloads, the guards on expensive reads), the web app's pages, a controller and Spring MVC's
     * own plumbing use the web. The projections run on the processor's threads, where no request is; a report, an
     * export or a period reads the same whichever way it is asked for.
     */
    static final ArchRule FEATURES_DO_NOT_KNOW_THE_WEB = noClasses()
            .that()
            .resideOutsideOfPackages("..web..", "..webapp..")
            .and(not(partOfAController()))
            .and()
            .areNotAssignableTo(WebMvcConfigurer.class)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(WEB)
            .because("a question is answered the same whichever way it came in");

    /** A controller, or a class the compiler made for one (a switch over an enum is a nested class of its own). */
    private static DescribedPredicate<JavaClass> partOfAController() {
        DescribedPredicate<JavaClass> controller = DescribedPredicate.describe(
                "a controller",
                type -> type.isAnnotatedWith(RestController.class) || type.isAnnotatedWith(Controller.class));
        return DescribedPredicate.describe(
                "part of a controller",
                type -> controller.test(type)
                        || type.getEnclosingClass().map(controller::test).orElse(false));
    }

    /**
     * The types by which audit, history and integrity may use each other, each for a reason: the history's list of
     * changes reads an event's changed fields as the audit trail does ({@code audit.FieldChange}); the integrity
     * checks and repairs the audit trail against the hash chains ({@code audit.AuditTrailChecks},
     * {@code audit.AuditTrailVerification}). Anything else of another of the three is its own business.
     */
    static final Set<String> NAMED_TYPES =
            Set.of("audit.FieldChange", "audit.AuditTrailChecks", "audit.AuditTrailVerification");

    /** A class named in {@link #NAMED_TYPES}, or one nested in it; by its last package and name. */
    private static final DescribedPredicate<JavaClass> NAMED_TYPE =
            DescribedPredicate.describe("a named type", type -> {
                String packageName = type.getPackageName();
                String topLevelName =
                        type.getName().substring(packageName.length() + 1).split("\\$")[0];
                return NAMED_TYPES.contains(
                        packageName.substring(packageName.lastIndexOf('.') + 1) + "." + topLevelName);
            });

    static final ArchRule AUDIT_HISTORY_AND_INTEGRITY_MEET_ONLY_THROUGH_NAMED_TYPES = CompositeArchRule.of(
                    onlyNamedTypesOf("audit", "history", "integrity"))
            .and(onlyNamedTypesOf("history", "audit", "integrity"))
            .and(onlyNamedTypesOf("integrity", "audit", "history"));

    private static ArchRule onlyNamedTypesOf(String feature, String... others) {
        String[] otherPackages =
                Arrays.stream(others).map(other -> ".." + other + "..").toArray(String[]::new);
        return noClasses()
                .that()
                .resideInAPackage(".." + feature + "..")
                .should()
                .dependOnClassesThat(resideInAnyPackage(otherPackages).and(not(NAMED_TYPE)))
                .as("no classes of " + feature + " use " + String.join(" or ", others) + " except " + NAMED_TYPES);
    }

    private final JavaClasses queryService = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.actionledger.query");

    private final JavaClasses violations =
            new ClassFileImporter().importPackages("nl.actionledger.architecture.violations");

    @Test
    void featuresDoNotKnowTheWeb() {
        FEATURES_DO_NOT_KNOW_THE_WEB.check(queryService);
    }

    @Test
    void aFeatureThatUsesTheWebBreaksTheRuleItsControllerDoesNot() {
        assertThatThrownBy(() -> FEATURES_DO_NOT_KNOW_THE_WEB.check(violations))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ProjectionUsingTheWeb")
                .hasMessageContaining("ReportUsingTheWeb")
                .hasMessageNotContaining("HistoryController");
    }

    @Test
    void auditHistoryAndIntegrityMeetOnlyThroughNamedTypes() {
        AUDIT_HISTORY_AND_INTEGRITY_MEET_ONLY_THROUGH_NAMED_TYPES.check(queryService);
    }

    @Test
    void aFeatureThatUsesAnotherOnesUnnamedTypeBreaksTheRule() {
        assertThatThrownBy(() -> AUDIT_HISTORY_AND_INTEGRITY_MEET_ONLY_THROUGH_NAMED_TYPES.check(violations))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("HistoryReadingAuditInternals")
                .hasMessageNotContaining("HistoryUsingANamedType")
                .hasMessageNotContaining("IntegrityUsingANamedType");
    }

    @Test
    void classesArePublicOnlyIfAnotherPackageUsesThem() {
        JavaClasses withTests = new ClassFileImporter().importPackages("nl.actionledger.query");
        PackagePrivateUnlessShared.rule(PackagePrivateUnlessShared.MAIN_CLASSES).check(withTests);
    }

    @Test
    void aPublicClassUsedOnlyInItsOwnPackageBreaksTheRule() {
        JavaClasses violations = new ClassFileImporter().importPackages("nl.actionledger.architecture.violations");
        assertThatThrownBy(() -> PackagePrivateUnlessShared.rule(DescribedPredicate.alwaysTrue())
                        .check(violations))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PublicButUsedOnlyHere")
                .hasMessageNotContaining("AuditInternals is public");
    }
}
