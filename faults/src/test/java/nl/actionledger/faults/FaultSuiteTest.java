package nl.actionledger.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fault suite in its quick mode, as {@code ./mvnw verify} runs it: the same five faults on real processes and a
 * real PostgreSQL, with small loads. Every check of every scenario must pass; the table is printed either way.
 */
class FaultSuiteTest {

    @Test
    void everyFaultIsSurvivedAsPromised() throws Exception {
        Path home = Path.of("").toAbsolutePath().getParent();
        // Under target/, not in a temporary directory: the services' logs of a failed run are what explains it.
        SuiteSettings settings = SuiteSettings.parse(new String[] {
            "--mode=quick", "--home=" + home, "--work-dir=" + home.resolve("faults/target/fault-suite-test-run")
        });

        List<Outcome> outcomes = FaultSuite.run(settings);

        String table = OutcomeTable.render(outcomes);
        System.out.println(table);
        assertThat(outcomes).extracting(Outcome::scenario).hasSize(5);
        assertThat(outcomes).as(table).allMatch(Outcome::passed);
    }
}
