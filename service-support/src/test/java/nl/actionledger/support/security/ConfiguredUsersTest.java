package nl.actionledger.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

class ConfiguredUsersTest {

    private static final int TEST_COST = 4;
    /** "coordinator" at cost 4, as in the tests' configuration. */
    private static final String BCRYPT = "{bcrypt}$2a$04$TMiJIQXOvOf/aM/oHWcHhuVgsQ3oa.dSBiC97uYJRf.mnb9S4g5AG";

    @Test
    void acceptsBcryptAndPbkdf2HashesAndChecksPasswordsAgainstThem() {
        String pbkdf2 = "{pbkdf2@SpringSecurity_v5_8}"
                + Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("secret");

        var users = ConfiguredUsers.from(properties(user("coordinator", BCRYPT), user("j.jansen", pbkdf2)), TEST_COST);

        assertThat(PasswordHashes.encoder().matches("coordinator", users.get(0).getPassword()))
                .isTrue();
        assertThat(PasswordHashes.encoder().matches("secret", users.get(1).getPassword()))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "coordinator",
                "{noop}coordinator",
                "{MD5}{salt}0e3cd1b2f4e9f7b1b6c2bf3b1c3d5e21",
                "{SHA-256}{salt}4f0a1dbb8d2c25a1a0e5f8c7b5b0b8d0a43c1f0bb0e6a0e2f4a6e8c0b2d4f6a8",
                "{sha256}97cde38028ad898ebcd6d6d3ab6b6ecc0de08c1ff7d1e8b9e1a0d4d4b1c6ab3bd0c3b3f06f1b1e0f",
                "{SHA-1}2fd4e1c67a2d28fced849ee1bb76e7391b93eb12",
                "{ldap}{SSHA}abcdefgh",
                "{scrypt}$e0801$abcdefgh$ijklmnop",
                "{bcrypt}not-a-bcrypt-hash",
                "{bcrypt}",
                "{pbkdf2}zz",
                "$2a$04$TMiJIQXOvOf/aM" + "/oHWcHhuVgsQ3oa.dSBiC97uYJRf.mnb9S4g5AG"
            })
    void refusesAnythingButASlowHashNamingTheUserAndTheSetting(String password) {
        assertThatThrownBy(() -> ConfiguredUsers.from(properties(user("j.jansen", password)), TEST_COST))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("actionledger.security.users")
                .hasMessageContaining("'j.jansen'")
                .hasMessageContaining("bcrypt, argon2 or pbkdf2");
    }

    @Test
    void refusesABcryptHashCheaperThanTheMinimumCost() {
        assertThatThrownBy(() -> ConfiguredUsers.from(properties(user("j.jansen", BCRYPT)), 10))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'j.jansen'")
                .hasMessageContaining("cost 4, below the minimum of 10")
                .hasMessageContaining("ACTIONLEDGER_SECURITY_MINIMUM_BCRYPT_COST");
        assertThat(ConfiguredUsers.from(properties(user("j.jansen", BCRYPT)), 4))
                .hasSize(1);
    }

    @Test
    void refusesArgon2WhileTheLibraryThatComputesItIsMissing() {
        String argon2 = "{argon2}$argon2id$v=19$m=16384,t=2,p=1$c29tZXNhbHQ$aGFzaGhhc2hoYXNoaGFzaA";

        assertThatThrownBy(() -> ConfiguredUsers.from(properties(user("j.jansen", argon2)), TEST_COST))
                .hasMessageContaining("'j.jansen'")
                .hasMessageContaining("Bouncy Castle");
    }

    @ParameterizedTest
    @ValueSource(strings = {"system", "SYSTEM", " System ", "sys\u200Btem", "ｓｙｓｔｅｍ"})
    void refusesAUserNamedAsThePlansOwnRegistration(String username) {
        assertThatThrownBy(() -> ConfiguredUsers.from(properties(user(username, BCRYPT)), TEST_COST))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("actionledger.security.users")
                .hasMessageContaining("plan's own registration");
    }

    private static LedgerSecurityProperties.User user(String username, String password) {
        return new LedgerSecurityProperties.User(username, password, Set.of(Role.COORDINATOR), "NVWA");
    }

    private static LedgerSecurityProperties properties(LedgerSecurityProperties.User... users) {
        return new LedgerSecurityProperties(LedgerSecurityProperties.Mode.BASIC, List.of(users), null);
    }
}
