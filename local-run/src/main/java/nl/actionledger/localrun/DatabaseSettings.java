package nl.actionledger.localrun;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Where the services find PostgreSQL: a JDBC URL with user and password. Read from {@code DATABASE_URL}
 * in either form, {@code postgres://user:password@host:5432/db} or
 * {@code jdbc:postgresql://host:5432/db} with {@code DATABASE_USER} and {@code DATABASE_PASSWORD}.
 */
record DatabaseSettings(String jdbcUrl, String user, String password) {

    static DatabaseSettings parse(String databaseUrl, String user, String password) {
        if (databaseUrl.startsWith("jdbc:postgresql:")) {
            return new DatabaseSettings(databaseUrl, orEmpty(user), orEmpty(password));
        }
        URI uri = URI.create(databaseUrl);
        if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
            throw new IllegalArgumentException(
                    "DATABASE_URL must start with postgres://, postgresql:// or jdbc:postgresql:");
        }
        String userInfo = uri.getRawUserInfo();
        String urlUser = user;
        String urlPassword = password;
        if (userInfo != null) {
            String[] parts = userInfo.split(":", 2);
            urlUser = decode(parts[0]);
            urlPassword = parts.length > 1 ? decode(parts[1]) : password;
        }
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new DatabaseSettings(
                "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query,
                orEmpty(urlUser),
                orEmpty(urlPassword));
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
