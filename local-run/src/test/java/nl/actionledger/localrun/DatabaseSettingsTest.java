package nl.actionledger.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void readsUserAndPasswordFromAPostgresUrl() {
        DatabaseSettings settings = DatabaseSettings.parse(
                "postgres://ledger:s%40cret@db.example:6543/actions?sslmode=require", null, null);

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/actions?sslmode=require");
        assertThat(settings.user()).isEqualTo("ledger");
        assertThat(settings.password()).isEqualTo("s@cret");
    }

    @Test
    void defaultsThePortAndTakesCredentialsFromTheirOwnVariables() {
        DatabaseSettings settings = DatabaseSettings.parse("postgresql://db/actions", "u", "p");

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/actions");
        assertThat(settings)
                .extracting(DatabaseSettings::user, DatabaseSettings::password)
                .containsExactly("u", "p");
    }

    @Test
    void passesAJdbcUrlThrough() {
        DatabaseSettings settings = DatabaseSettings.parse("jdbc:postgresql://localhost:5432/x", "u", "p");

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/x");
    }

    @Test
    void refusesOtherDatabases() {
        assertThatThrownBy(() -> DatabaseSettings.parse("mysql://db/actions", null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
