package nl.actionledger.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/** The events are a contract between two services: plain, immutable, and free of any framework but Axon's annotations. */
class SharedEventsArchitectureTest {

    private final JavaClasses events = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.actionledger.events");

    @Test
    void usesNoSpringNoJpaNoHibernate() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..", "jakarta.persistence..", "org.hibernate..", "com.fasterxml..")
                .check(events);
    }

    @Test
    void eventsAreRecordsWithARevision() {
        classes()
                .that()
                .haveSimpleNameEndingWith("Event")
                .should()
                .beRecords()
                .andShould()
                .beAnnotatedWith(Revision.class)
                .check(events);
    }
}
