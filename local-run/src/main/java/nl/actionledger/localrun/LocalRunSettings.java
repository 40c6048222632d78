package nl.actionledger.localrun;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the local run can be told through the environment: {@code COMMAND_PORT} (8080), {@code QUERY_PORT}
 * (8081), {@code DATABASE_URL} (with {@code DATABASE_USER}/{@code DATABASE_PASSWORD}) to use an existing
 * PostgreSQL instead of the embedded one, {@code LOCAL_DB_PORT} (54329) for the embedded one, and
 * {@code ACTION_LEDGER_DATA} (./.local-data) for where it keeps its data between runs, and {@code BIND_ADDRESS}
 * (127.0.0.1) for where the services listen.
 *
 * @param database    {@code null} to start the embedded PostgreSQL
 * @param bindAddress where the services listen: this machine only by default, because the demo users' passwords are
 *                    in the README
 */
public record LocalRunSettings(
        int commandPort,
        int queryPort,
        DatabaseSettings database,
        int databasePort,
        Path dataDir,
        Path commandJar,
        Path queryJar,
        String bindAddress) {

    static final String LOOPBACK = "127.0.0.1";

    public static LocalRunSettings fromEnvironment(Map<String, String> env) {
        Path home = Path.of(env.getOrDefault("ACTION_LEDGER_HOME", "."))
                .toAbsolutePath()
                .normalize();
        String databaseUrl = env.get("DATABASE_URL");
        DatabaseSettings database = databaseUrl == null || databaseUrl.isBlank()
                ? null
                : DatabaseSettings.parse(databaseUrl, env.get("DATABASE_USER"), env.get("DATABASE_PASSWORD"));
        return new LocalRunSettings(
                port(env, "COMMAND_PORT", 8080),
                port(env, "QUERY_PORT", 8081),
                database,
                port(env, "LOCAL_DB_PORT", 54329),
                Path.of(env.getOrDefault(
                                "ACTION_LEDGER_DATA",
                                home.resolve(".local-data").toString()))
                        .toAbsolutePath(),
                home.resolve("command-service/target/command-service.jar"),
                home.resolve("query-service/target/query-service.jar"),
                env.getOrDefault("BIND_ADDRESS", LOOPBACK).strip());
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'");
        }
    }
}
