package nl.actionledger.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.actionledger.support.persistence.MigrationsOnly;
import nl.actionledger.support.testing.EmbeddedPostgresDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Command-service will not work as a login that could rewrite the history it appends to. */
class DatabaseLoginStartupTest {

    @Test
    void refusesToStartAsASuperuser() {
        String url = EmbeddedPostgresDatabase.newDatabase();

        assertThatThrownBy(() -> start(
                                url,
                                Map.of(
                                        "spring.datasource.username",
                                        "postgres",
                                        "spring.datasource.password",
                                        "postgres"))
                        .close())
                .hasStackTraceContaining("Refusing to start: the database login 'postgres' "
                        + "(spring.datasource.username, DATABASE_USER) is (or may become) a superuser");
    }

    @Test
    void refusesToStartAsTheOwnerOfTheEventTables() {
        String url = EmbeddedPostgresDatabase.newDatabase();

        // the login the migrations ran as, and that therefore owns the event tables
        assertThatThrownBy(() -> start(url, Map.of("spring.datasource.username", EmbeddedPostgresDatabase.OWNER))
                        .close())
                .hasStackTraceContaining("owns the event tables (event_store: ");
    }

    @Test
    void startsAsTheRuntimeLogin() {
        try (ConfigurableApplicationContext context = start(EmbeddedPostgresDatabase.newDatabase(), Map.of())) {
            assertThat(context.getBean(JdbcClient.class)
                            .sql("SELECT current_user")
                            .query(String.class)
                            .single())
                    .isEqualTo(EmbeddedPostgresDatabase.RUNTIME);
        }
    }

    /** A deployment migrates in a one-off job as the owner; the service then starts without the owner's password. */
    @Test
    void migratesInAJobOfItsOwnAndStartsWithoutTheOwnersPassword() {
        String url = EmbeddedPostgresDatabase.newDatabase();
        Map<String, String> job = new LinkedHashMap<>(EmbeddedPostgresDatabase.serviceProperties(url));
        job.remove("spring.datasource.password");
        List<String> arguments = new ArrayList<>(arguments(job));
        arguments.add(MigrationsOnly.FLAG);

        CommandServiceApplication.main(arguments.toArray(String[]::new));

        JdbcClient owner = JdbcClient.create(EmbeddedPostgresDatabase.connect(url, EmbeddedPostgresDatabase.OWNER));
        assertThat(owner.sql("SELECT tableowner FROM pg_tables WHERE schemaname = 'event_store' "
                                + "AND tablename = 'domain_event_entry'")
                        .query(String.class)
                        .single())
                .isEqualTo(EmbeddedPostgresDatabase.OWNER);
        assertThat(owner.sql("SELECT count(*) FROM event_store.flyway_schema_history WHERE NOT success")
                        .query(Long.class)
                        .single())
                .isZero();

        try (ConfigurableApplicationContext context =
                start(url, Map.of("spring.flyway.enabled", "false", "spring.flyway.password", "not the owner's"))) {
            assertThat(context.getBean(JdbcClient.class)
                            .sql("SELECT count(*) FROM event_store.domain_event_entry")
                            .query(Long.class)
                            .single())
                    .as("the plan registered by the service")
                    .isPositive();
        }
    }

    private static ConfigurableApplicationContext start(String url, Map<String, String> overrides) {
        Map<String, String> properties = new LinkedHashMap<>(EmbeddedPostgresDatabase.serviceProperties(url));
        properties.putAll(overrides);
        properties.put("server.port", "0");
        return new SpringApplicationBuilder(CommandServiceApplication.class)
                .profiles("test")
                .run(arguments(properties).toArray(String[]::new));
    }

    /** As command-line arguments, which outrank application.yml. */
    private static List<String> arguments(Map<String, String> properties) {
        return properties.entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toList();
    }
}
