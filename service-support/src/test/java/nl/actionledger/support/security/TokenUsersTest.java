package nl.actionledger.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

class TokenUsersTest {

    private final TokenUsers users = new TokenUsers(new LedgerSecurityProperties.Jwt(null, null, null, null, null));

    @Test
    void theActorIsTheSubjectAndTheRolesComeFromTheirClaim() {
        var user = users.convert(token(Map.of(
                "sub", "6f1c-42", "preferred_username", "r.devries", "roles", List.of("coordinator", "SUPERUSER"))));

        assertThat(user.getName()).isEqualTo("6f1c-42");
        assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_COORDINATOR");
    }

    @Test
    void aTokenIsReadOnceAndWhatItSignsInIsTheSameEachTime() {
        Jwt token = token(Map.of("sub", "6f1c-42", "roles", List.of("coordinator")));

        var first = users.convert(token);
        var again = users.convert(token);

        assertThat(users.remembered()).isEqualTo(1);
        assertThat(again).isNotSameAs(first).isEqualTo(first);
        assertThat(again.getName()).isEqualTo("6f1c-42");
        assertThat(again.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_COORDINATOR");
    }

    @Test
    void aRefusedTokenIsNotRememberedAndIsRefusedAgain() {
        Jwt refused = token(Map.of("sub", "system"));

        assertThatThrownBy(() -> users.convert(refused)).isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> users.convert(refused)).isInstanceOf(InvalidBearerTokenException.class);
        assertThat(users.remembered()).isZero();
    }

    @Test
    void theActorClaimIsConfigurable() {
        TokenUsers byEmployeeNumber =
                new TokenUsers(new LedgerSecurityProperties.Jwt(null, "employee.number", null, null, null));

        assertThat(byEmployeeNumber
                        .convert(token(Map.of("sub", "6f1c-42", "employee", Map.of("number", "E123"))))
                        .getName())
                .isEqualTo("E123");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void aTokenWithABlankActorSignsNobodyIn(String subject) {
        assertThatThrownBy(() -> users.convert(token(Map.of("sub", subject, "preferred_username", "r.devries"))))
                .isInstanceOf(InvalidBearerTokenException.class)
                .hasMessageContaining("names no user");
    }

    @Test
    void aTokenWithoutTheActorClaimSignsNobodyIn() {
        assertThatThrownBy(() -> users.convert(token(Map.of("preferred_username", "r.devries"))))
                .isInstanceOf(InvalidBearerTokenException.class)
                .hasMessageContaining("claim 'sub'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"system", "System", "SYSTEM ", "sys\u00ADtem"})
    void noTokenPassesAsThePlansOwnRegistration(String name) {
        assertThatThrownBy(() -> users.convert(token(Map.of("sub", name))))
                .isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> users.convert(token(Map.of("sub", "6f1c-42", "preferred_username", name))))
                .isInstanceOf(InvalidBearerTokenException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"r.de\u0000vries", "r.devries\n", "\u202Esei\u202C", "line\u2028break"})
    void aTokenWhoseNamesCouldNotBeStoredWithItsEventsSignsNobodyIn(String name) {
        assertThatThrownBy(() -> users.convert(token(Map.of("sub", name))))
                .isInstanceOf(InvalidBearerTokenException.class)
                .hasMessageContaining("claim 'sub'");
        assertThatThrownBy(() -> users.convert(token(Map.of("sub", "6f1c-42", "preferred_username", name))))
                .isInstanceOf(InvalidBearerTokenException.class)
                .hasMessageContaining("claim 'preferred_username'");
    }

    @Test
    void aTokenWithAnOverlongDisplayNameSignsNobodyIn() {
        String overlong = "r".repeat(ActorNames.MAX_LENGTH + 1);

        assertThat(users.convert(token(
                                Map.of("sub", "6f1c-42", "preferred_username", "r".repeat(ActorNames.MAX_LENGTH))))
                        .getName())
                .isEqualTo("6f1c-42");
        assertThatThrownBy(() -> users.convert(token(Map.of("sub", "6f1c-42", "preferred_username", overlong))))
                .isInstanceOf(InvalidBearerTokenException.class)
                .hasMessageContaining("longer than 255");
        assertThatThrownBy(() -> users.convert(token(Map.of("sub", overlong))))
                .isInstanceOf(InvalidBearerTokenException.class)
                .hasMessageContaining("longer than 255");
    }

    private static Jwt token(Map<String, Object> claims) {
        Instant now = Instant.now();
        return Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .claims(all -> all.putAll(claims))
                .issuedAt(now)
                .expiresAt(now.plusSeconds(300))
                .build();
    }
}
