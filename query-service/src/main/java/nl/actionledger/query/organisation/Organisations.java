package nl.actionledger.query.organisation;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code organisation} table: the list of organisations as their events left it. */
@Repository
public class Organisations {

    private final JdbcTemplate batches;
    private final JdbcClient jdbc;

    Organisations(JdbcTemplate jdbcTemplate) {
        this.batches = jdbcTemplate;
        this.jdbc = JdbcClient.create(jdbcTemplate);
    }

    /** Every organisation, by id. */
    public List<OrganisationView> all() {
        return jdbc.sql("SELECT * FROM query_model.organisation ORDER BY organisation_id")
                .query(Organisations::read)
                .list();
    }

    /** Display names by id, to show beside the ids in views. */
    public Map<String, String> displayNames() {
        Map<String, String> names = new HashMap<>();
        jdbc.sql("SELECT organisation_id, display_name FROM query_model.organisation")
                .query(rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names;
    }

    /**
     * Applies a batch in order. Idempotent: a registration of a listed organisation, or a change the row reflects
     * already (by version), is skipped.
     */
    void write(List<OrganisationChange> changes) {
        List<Object[]> registrations = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (OrganisationChange change : changes) {
            Object aliases = change.aliases().toArray(String[]::new);
            if (change.registers()) {
                registrations.add(new Object[] {
                    change.organisationId(),
                    change.displayName(),
                    aliases,
                    change.version(),
                    Timestamp.from(change.at()),
                    Timestamp.from(change.at())
                });
            } else {
                updates.add(new Object[] {
                    change.displayName(),
                    aliases,
                    change.version(),
                    Timestamp.from(change.at()),
                    change.organisationId(),
                    change.version()
                });
            }
        }
        batches.batchUpdate("""
                INSERT INTO query_model.organisation (organisation_id, display_name, aliases, version, registered_at,
                    last_changed_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (organisation_id) DO NOTHING""", registrations);
        batches.batchUpdate("""
                UPDATE query_model.organisation SET display_name = ?, aliases = ?, version = ?, last_changed_at = ?
                WHERE organisation_id = ? AND version < ?""", updates);
    }

    void clear() {
        batches.update("TRUNCATE query_model.organisation");
    }

    private static OrganisationView read(ResultSet rs, int rowNumber) throws SQLException {
        Array aliases = rs.getArray("aliases");
        return new OrganisationView(
                rs.getString("organisation_id"),
                rs.getString("display_name"),
                aliases == null ? List.of() : Arrays.asList((String[]) aliases.getArray()),
                rs.getLong("version"),
                rs.getTimestamp("registered_at").toInstant(),
                rs.getTimestamp("last_changed_at").toInstant());
    }
}
