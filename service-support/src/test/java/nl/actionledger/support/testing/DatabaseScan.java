package nl.actionledger.support.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Looks for a text in every row of every table of a database, as a superuser sees it: each row cast to text (which
 * covers text, json and every other column as PostgreSQL prints it) and each {@code bytea} column searched for the
 * text's UTF-8 bytes (so a payload stored as bytes counts, however it prints), in every schema but PostgreSQL's own
 * catalogs, plus large objects. The embedded PostgreSQL has no {@code pg_dump}, so this stands in for grepping a dump:
 * it sees the same rows a dump would hold (not the WAL or free space, which a dump does not hold either).
 */
public final class DatabaseScan {

    private DatabaseScan() {}

    /** Where the text occurs: {@code schema.table} (row text) or {@code schema.table.column} (bytes), with the count. */
    public static List<String> occurrences(DataSource superuser, String text) {
        JdbcClient jdbc = JdbcClient.create(superuser);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<String> found = new ArrayList<>();
        List<Map<String, Object>> tables = jdbc.sql("""
                SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                  AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'
                ORDER BY 1, 2""").query().listOfRows();
        if (tables.isEmpty()) {
            throw new IllegalStateException("no tables to scan");
        }
        for (Map<String, Object> table : tables) {
            String name = quote((String) table.get("schema")) + "." + quote((String) table.get("name"));
            long rows = jdbc.sql("SELECT count(*) FROM " + name + " t WHERE strpos(t::text, ?) > 0")
                    .param(text)
                    .query(Long.class)
                    .single();
            if (rows > 0) {
                found.add(table.get("schema") + "." + table.get("name") + " (" + rows + " rows as text)");
            }
            List<String> byteaColumns = jdbc.sql("""
                    SELECT a.attname FROM pg_attribute a
                    WHERE a.attrelid = (quote_ident(?) || '.' || quote_ident(?))::regclass AND a.attnum > 0
                      AND NOT a.attisdropped AND a.atttypid = 'bytea'::regtype""")
                    .params(table.get("schema"), table.get("name"))
                    .query(String.class)
                    .list();
            for (String column : byteaColumns) {
                long matches = jdbc.sql("SELECT count(*) FROM " + name + " WHERE position(?::bytea IN " + quote(column)
                                + ") > 0")
                        .param(bytes)
                        .query(Long.class)
                        .single();
                if (matches > 0) {
                    found.add(table.get("schema") + "." + table.get("name") + "." + column + " (" + matches
                            + " rows as bytes)");
                }
            }
        }
        long largeObjects = jdbc.sql("SELECT count(*) FROM pg_largeobject WHERE position(?::bytea IN data) > 0")
                .param(bytes)
                .query(Long.class)
                .single();
        if (largeObjects > 0) {
            found.add("pg_largeobject (" + largeObjects + " pages)");
        }
        return found;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
