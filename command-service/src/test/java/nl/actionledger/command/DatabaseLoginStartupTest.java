package nl.actionledger.command;

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

/** Command-service will not work as a login that could rewrite the history it appends to. */
class DatabaseLoginStartupTest {

    @Test
    void refusesToStartAsASuperuser() {
        String url = EmbeddedPostgresDatabase.newDatabase();

        assertThatThrownBy(() -> start(url, Map.of("spring.datasource.username", "postgres",
                "spring.datasource.password", "postgres")).close())
                .hasStackTraceContaining("Refusing to start: the database login 'postgres' "
                        + "(spring.datasource.username, DATABASE_USER) is (or may become) a superuser");
    }

    @Test
    void refusesToStartAsTheOwnerOfTheEventTables() {
        String url = EmbeddedPostgresDatabase.newDatabase();

        // the login the migrations ran as, and that therefore owns the event tables
        assertThatThrownBy(() -> start(url, Map.of("spring.datasource.username", EmbeddedPostgresDatabase.OWNER)).close())
                .hasStackTraceContaining("owns the event tables (event_store: ");
    }

    @Test
    void startsAsTheRuntimeLogin() {
        try (ConfigurableApplicationContext context = start(EmbeddedPostgresDatabase.newDatabase(), Map.of())) {
            assertThat(context.getBean(JdbcClient.class).sql("SELECT current_user").query(String.class).single())
                    .isEqualTo(EmbeddedPostgresDatabase.RUNTIME);
        }
    }

    private static ConfigurableApplicationContext start(String url, Map<String, String> overrides) {
        Map<String, String> properties = new LinkedHashMap<>(EmbeddedPostgresDatabase.serviceProperties(url));
        properties.putAll(overrides);
        properties.put("server.port", "0");
        // as command-line arguments, which outrank application.yml
        List<String> arguments = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toList();
        return new SpringApplicationBuilder(CommandServiceApplication.class).profiles("test")
                .run(arguments.toArray(String[]::new));
    }
}
