package nl.actionledger.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class QueryArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.actionledger");

    @Test
    void querySideDoesNotUseTheCommandSide() {
        noClasses().that().resideInAPackage("nl.actionledger.query..")
                .should().dependOnClassesThat().resideInAPackage("nl.actionledger.command..")
                .check(classes);
    }

    @Test
    void projectionsDoNotKnowTheWeb() {
        noClasses().that().haveSimpleNameEndingWith("Projection")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "..web..")
                .check(classes);
    }
}
