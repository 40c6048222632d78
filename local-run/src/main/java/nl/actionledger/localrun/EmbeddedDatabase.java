package nl.actionledger.localrun;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Map;
import javax.sql.DataSource;
import nl.actionledger.tooling.LedgerLogins;

/**
 * The local run's own PostgreSQL 17. It listens on 127.0.0.1 only and asks every login for its password (SCRAM):
 * zonky's initdb trusts every local connection, so the local run writes its own {@code pg_hba.conf} before each start.
 *
 * <p>Each service gets logins of its own, as in production ({@link LedgerLogins}). Their passwords are new random ones
 * at every start, handed to the services through their environment and shown nowhere else. The superuser's password
 * is made when the cluster is created and kept in the data directory, which PostgreSQL already keeps private to this
 * user, because the next start needs it to set the other passwords.
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String SUPERUSER_PASSWORD_FILE = "local-run-superuser-password";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String HOST_BASED_AUTHENTICATION = """
            # Written by the local run before every start: a password (SCRAM) for every login, from this machine only.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final LedgerLogins logins;

    private EmbeddedDatabase(EmbeddedPostgres postgres, LedgerLogins logins) {
        this.postgres = postgres;
        this.logins = logins;
    }

    static EmbeddedDatabase start(Path directory, int port) throws IOException {
        Path passwordFile = directory.resolve(SUPERUSER_PASSWORD_FILE);
        boolean exists = Files.exists(directory.resolve("postgresql.conf"));
        if (exists && !Files.exists(passwordFile)) {
            throw new IllegalStateException("The database in " + directory + " was made by an earlier version of the"
                    + " local run, which let every local user in without a password. It holds only what you tried out:"
                    + " delete " + directory + " and start again.");
        }
        String superuserPassword = exists ? Files.readString(passwordFile).strip() : randomPassword();
        Path initdbPasswordFile = exists ? null : privateFile(Files.createTempFile("local-run-initdb", ".txt"));
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // zonky turns durability off for speed in tests; the local run keeps data across restarts,
                    // so an acknowledged change must survive a crash of the machine here as well.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    // zonky's own connections (the readiness check, getPostgresDatabase) as the superuser
                    .setConnectConfig("password", superuserPassword)
                    // Runs after initdb, before every start of the server.
                    .setDataDirectoryCustomizer(dataDirectory -> prepare(dataDirectory, superuserPassword));
            if (initdbPasswordFile != null) {
                Files.writeString(initdbPasswordFile, superuserPassword);
                // zonky hands its "locale" settings to initdb as --name=value: the only way to give initdb an option.
                builder.setLocaleConfig("pwfile", initdbPasswordFile.toString());
            }
            EmbeddedPostgres postgres = builder.start();
            return new EmbeddedDatabase(postgres, createLogins(postgres));
        } finally {
            if (initdbPasswordFile != null) {
                Files.deleteIfExists(initdbPasswordFile);
            }
        }
    }

    /** Before every start: the superuser's password kept for the next start, and passwords required of everyone. */
    private static void prepare(File dataDirectory, String superuserPassword) {
        try {
            Path passwordFile = dataDirectory.toPath().resolve(SUPERUSER_PASSWORD_FILE);
            if (!Files.exists(passwordFile)) {
                Files.writeString(privateFile(Files.createFile(passwordFile)), superuserPassword);
            }
            Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), HOST_BASED_AUTHENTICATION);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare " + dataDirectory, e);
        }
    }

    /** Creates the logins (or keeps them) and gives each a new random password (base64url: nothing in it needs quoting). */
    private static LedgerLogins createLogins(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            return LedgerLogins.create(
                    connection,
                    "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
                    login -> randomPassword());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the logins in the embedded PostgreSQL", e);
        }
    }

    Map<String, String> commandServiceEnvironment() {
        return logins.commandServiceEnvironment();
    }

    Map<String, String> queryServiceEnvironment() {
        return logins.queryServiceEnvironment();
    }

    /** The superuser, for the local run's own tests. */
    DataSource superuser() {
        return postgres.getPostgresDatabase();
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Readable and writable by this user only, where the file system knows such permissions. */
    private static Path privateFile(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return file;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
