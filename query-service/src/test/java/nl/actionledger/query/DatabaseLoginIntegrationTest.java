package nl.actionledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.actionledger.support.testing.EmbeddedPostgresDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Query-service works as the reader login: it reads the events and writes only its own schema. It will not work as a
 * login that could rewrite the events.
 */
class DatabaseLoginIntegrationTest {

    @Test
    void startsAsTheReaderWhichReadsEventsAndWritesOnlyItsOwnSchema() {
        String url = EmbeddedPostgresDatabase.newDatabase();
        QueryServiceIntegrationTestBase.migrateEventStore(url);

        try (ConfigurableApplicationContext context = start(url, EmbeddedPostgresDatabase.READER)) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT current_user").query(String.class).single())
                    .isEqualTo(EmbeddedPostgresDatabase.READER);
            assertThat(jdbc.sql("""
                    SELECT has_table_privilege('event_store.domain_event_entry', 'SELECT'),
                           has_table_privilege('event_store.domain_event_entry', 'INSERT'),
                           has_table_privilege('query_model.token_entry', 'UPDATE')""")
                            .query((row, i) -> List.of(row.getBoolean(1), row.getBoolean(2), row.getBoolean(3)))
                            .single())
                    .containsExactly(true, false, true);
        }
    }

    @Test
    void refusesToStartAsTheOwnerOfTheEventTables() {
        String url = EmbeddedPostgresDatabase.newDatabase();
        QueryServiceIntegrationTestBase.migrateEventStore(url);

        assertThatThrownBy(() -> start(url, EmbeddedPostgresDatabase.OWNER).close())
                .hasStackTraceContaining("Refusing to start: the database login '" + EmbeddedPostgresDatabase.OWNER
                        + "' (spring.datasource.username, DATABASE_USER)")
                .hasStackTraceContaining("owns the event tables (event_store: ");
    }

    private static ConfigurableApplicationContext start(String url, String login) {
        Map<String, String> properties = new LinkedHashMap<>(EmbeddedPostgresDatabase.serviceProperties(url));
        properties.put("spring.datasource.username", login);
        properties.put("server.port", "0");
        // as command-line arguments, which outrank application.yml
        List<String> arguments = properties.entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toList();
        return new SpringApplicationBuilder(QueryServiceApplication.class)
                .profiles("test")
                .run(arguments.toArray(String[]::new));
    }
}
