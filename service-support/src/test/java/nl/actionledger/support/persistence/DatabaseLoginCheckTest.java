package nl.actionledger.support.persistence;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;
import nl.actionledger.support.testing.EmbeddedPostgresDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The start-up check on a real PostgreSQL: only a login with nothing but its grants passes. */
class DatabaseLoginCheckTest {

    private static final String BYPASSING = "ledger_test_bypass_rls";
    private static final String OWNER_MEMBER = "ledger_test_owner_member";
    private static String url;

    @BeforeAll
    static void eventTablesOwnedByTheOwner() {
        url = EmbeddedPostgresDatabase.newDatabase();
        JdbcClient superuser = JdbcClient.create(EmbeddedPostgresDatabase.superuser(url));
        superuser
                .sql("CREATE ROLE " + BYPASSING + " LOGIN BYPASSRLS PASSWORD '" + EmbeddedPostgresDatabase.PASSWORD
                        + "'")
                .update();
        superuser
                .sql("CREATE ROLE " + OWNER_MEMBER + " LOGIN PASSWORD '" + EmbeddedPostgresDatabase.PASSWORD + "'")
                .update();
        superuser
                .sql("GRANT " + EmbeddedPostgresDatabase.OWNER + " TO " + OWNER_MEMBER)
                .update();
        JdbcClient owner = JdbcClient.create(EmbeddedPostgresDatabase.connect(url, EmbeddedPostgresDatabase.OWNER));
        owner.sql("CREATE SCHEMA event_store").update();
        owner.sql("CREATE TABLE event_store.domain_event_entry (global_index BIGINT PRIMARY KEY)")
                .update();
        owner.sql("GRANT USAGE ON SCHEMA event_store TO " + EmbeddedPostgresDatabase.RUNTIME + ", "
                        + EmbeddedPostgresDatabase.READER)
                .update();
        owner.sql("GRANT SELECT, INSERT ON event_store.domain_event_entry TO " + EmbeddedPostgresDatabase.RUNTIME)
                .update();
    }

    @Test
    void refusesASuperuserAndNamesTheSetting() {
        assertThatThrownBy(() -> check(EmbeddedPostgresDatabase.superuser(url), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Refusing to start")
                .hasMessageContaining("'postgres' (spring.datasource.username, DATABASE_USER)")
                .hasMessageContaining("superuser")
                .hasMessageContaining(DatabaseLoginCheck.OPT_OUT);
    }

    @Test
    void refusesALoginThatBypassesRowLevelSecurity() {
        assertThatThrownBy(() -> check(EmbeddedPostgresDatabase.connect(url, BYPASSING), false))
                .hasMessageContaining("'" + BYPASSING + "'")
                .hasMessageContaining("has BYPASSRLS")
                .hasMessageNotContaining("superuser");
    }

    @Test
    void refusesTheOwnerOfTheEventTables() {
        assertThatThrownBy(() -> check(EmbeddedPostgresDatabase.connect(url, EmbeddedPostgresDatabase.OWNER), false))
                .hasMessageContaining("owns the schema event_store")
                .hasMessageContaining("owns the event tables (event_store: domain_event_entry)")
                .hasMessageNotContaining("superuser");
    }

    @Test
    void refusesALoginThatMayBecomeTheOwner() {
        assertThatThrownBy(() -> check(EmbeddedPostgresDatabase.connect(url, OWNER_MEMBER), false))
                .hasMessageContaining("owns the event tables");
    }

    @Test
    void acceptsTheRuntimeAndTheReaderLogins() {
        assertThatCode(() -> check(EmbeddedPostgresDatabase.connect(url, EmbeddedPostgresDatabase.RUNTIME), false))
                .doesNotThrowAnyException();
        assertThatCode(() -> check(EmbeddedPostgresDatabase.connect(url, EmbeddedPostgresDatabase.READER), false))
                .doesNotThrowAnyException();
    }

    @Test
    void theOptOutStartsASuperuserAnyway() {
        assertThatCode(() -> check(EmbeddedPostgresDatabase.superuser(url), true))
                .doesNotThrowAnyException();
    }

    private static void check(DataSource dataSource, boolean privilegedLoginAllowed) {
        new DatabaseLoginCheck(dataSource, privilegedLoginAllowed).start();
    }
}
