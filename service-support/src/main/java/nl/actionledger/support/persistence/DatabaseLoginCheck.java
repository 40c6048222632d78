package nl.actionledger.support.persistence;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a service whose database login could rewrite history: a superuser, a login with BYPASSRLS, or one
 * that owns the event tables (or their schema) can disable the append-only triggers, edit events and recompute the
 * hashes. Such a login is only for the migrations ({@code spring.flyway.user}); the service runs as one with grants.
 * Membership counts as having: a login that may {@code SET ROLE} to a superuser or to the owner is refused too.
 *
 * <p>Runs first when the application context starts (the earliest lifecycle phase): after Flyway migrated (a login that
 * migrated its own tables owns them) and every bean exists, before the web server listens and the processors start.
 * Not while the context is only refreshed: the image's class-data-sharing training run refreshes it without a database
 * and exits before anything starts ({@code spring.context.exit=onRefresh}, see the Dockerfile).
 */
@Component
public class DatabaseLoginCheck implements SmartLifecycle {

    /** Development only: starts anyway, with an error in the log. */
    public static final String OPT_OUT = "actionledger.database.allow-privileged-login";

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseLoginCheck.class);
    private static final String EVENT_SCHEMA = "event_store";

    private final JdbcClient jdbc;
    private final boolean privilegedLoginAllowed;
    private volatile boolean checked;

    public DatabaseLoginCheck(
            DataSource dataSource, @Value("${" + OPT_OUT + ":false}") boolean privilegedLoginAllowed) {
        this.jdbc = JdbcClient.create(dataSource);
        this.privilegedLoginAllowed = privilegedLoginAllowed;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }

    @Override
    public void start() {
        check();
        checked = true;
    }

    @Override
    public void stop() {
        checked = false;
    }

    @Override
    public boolean isRunning() {
        return checked;
    }

    private void check() {
        Privileges privileges = privileges();
        List<String> reasons = privileges.reasons();
        if (reasons.isEmpty()) {
            return;
        }
        String problem = "the database login '" + privileges.login() + "' (spring.datasource.username, DATABASE_USER) "
                + String.join(", ", reasons) + ": with it the event history can be rewritten";
        if (privilegedLoginAllowed) {
            LOG.error("""

                    *****************************************************************************************
                    {}.
                    Starting anyway because {}=true. Never do this outside development.
                    *****************************************************************************************""", problem, OPT_OUT);
            return;
        }
        throw new IllegalStateException("Refusing to start: " + problem + ". Connect as a login that only has the"
                + " service's grants and run the migrations as the owner (spring.flyway.user, DATABASE_MIGRATION_USER);"
                + " see the README, \"PostgreSQL, carefully\". For development only, " + OPT_OUT
                + "=true starts anyway.");
    }

    Privileges privileges() {
        return jdbc.sql("""
                        SELECT current_user AS login,
                               EXISTS (SELECT 1 FROM pg_roles r
                                       WHERE r.rolsuper AND pg_has_role(current_user, r.oid, 'MEMBER')) AS superuser,
                               EXISTS (SELECT 1 FROM pg_roles r
                                       WHERE r.rolbypassrls AND pg_has_role(current_user, r.oid, 'MEMBER')) AS bypass_rls,
                               EXISTS (SELECT 1 FROM pg_namespace n
                                       WHERE n.nspname = :schema AND pg_has_role(current_user, n.nspowner, 'MEMBER'))
                                   AS owns_schema,
                               (SELECT string_agg(c.relname, ', ' ORDER BY c.relname)
                                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                                WHERE n.nspname = :schema AND c.relkind IN ('r', 'p')
                                  AND pg_has_role(current_user, c.relowner, 'MEMBER')) AS owned_tables
                        """)
                .param("schema", EVENT_SCHEMA)
                .query((row, i) -> new Privileges(
                        row.getString("login"),
                        row.getBoolean("superuser"),
                        row.getBoolean("bypass_rls"),
                        row.getBoolean("owns_schema"),
                        row.getString("owned_tables")))
                .single();
    }

    /** What a login may do beyond its grants; {@code ownedTables} lists the event tables it owns, or is null. */
    record Privileges(String login, boolean superuser, boolean bypassRls, boolean ownsSchema, String ownedTables) {

        List<String> reasons() {
            List<String> reasons = new ArrayList<>();
            if (superuser) {
                reasons.add("is (or may become) a superuser");
            }
            if (bypassRls) {
                reasons.add("has BYPASSRLS");
            }
            if (ownsSchema) {
                reasons.add("owns the schema " + EVENT_SCHEMA);
            }
            if (ownedTables != null) {
                reasons.add("owns the event tables (" + EVENT_SCHEMA + ": " + ownedTables + ")");
            }
            return reasons;
        }
    }
}
