package nl.actionledger.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class CommandArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.actionledger");

    @Test
    void theDomainDoesNotKnowTheWeb() {
        noClasses().that().resideInAPackage("nl.actionledger.command.action")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "org.springframework.web..",
                        "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void commandSideDoesNotUseTheQuerySide() {
        noClasses().that().resideInAPackage("nl.actionledger.command..")
                .should().dependOnClassesThat().resideInAPackage("nl.actionledger.query..")
                .check(classes);
    }
}
