package nl.actionledger.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The resolver without a regular expression answers as Spring Security's default one, header by header. */
class BearerTokenHeaderTest {

    private final BearerTokenHeader resolver = new BearerTokenHeader();
    private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

    @Test
    void readsTheTokenAfterTheScheme() {
        assertThat(resolver.resolve(withAuthorization("Bearer abc.DEF-_~+/xyz==")))
                .isEqualTo("abc.DEF-_~+/xyz==");
        assertThat(resolver.resolve(withAuthorization("bEaReR token"))).isEqualTo("token");
    }

    @Test
    void noHeaderOrAnotherSchemeIsNoBearerToken() {
        assertThat(resolver.resolve(new MockHttpServletRequest())).isNull();
        assertThat(resolver.resolve(withAuthorization("Basic dXNlcjpwYXNz"))).isNull();
        assertThat(resolver.resolve(withAuthorization("Bear abc"))).isNull();
    }

    @Test
    void aMalformedBearerHeaderIsRefused() {
        for (String header : List.of(
                "Bearer",
                "Bearer ",
                "Bearer  abc",
                "Bearer a b",
                "Bearer ===",
                "Bearer a=b",
                "Bearerabc",
                "Bearer abc\t",
                "Bearer ab%c",
                "Bearer é")) {
            assertThatThrownBy(() -> resolver.resolve(withAuthorization(header)))
                    .as(header)
                    .isInstanceOf(OAuth2AuthenticationException.class)
                    .hasMessage("Bearer token is malformed");
        }
    }

    @Test
    void answersAsSpringSecuritysResolverForEveryHeader() {
        Random random = new Random(7);
        String alphabet = "aZ09-._~+/= \tBbEeRr%éK\u212a";
        List<String> headers = new ArrayList<>(List.of("Bearer", "bearer x", "BEARER x=", "Bearer x==y"));
        for (int i = 0; i < 20_000; i++) {
            StringBuilder header = new StringBuilder(random.nextBoolean() ? "Bearer " : randomCase(random, "bearer"));
            int length = random.nextInt(8);
            for (int j = 0; j < length; j++) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            headers.add(header.toString());
        }
        for (String header : headers) {
            assertThat(outcome(resolver, header)).as(header).isEqualTo(outcome(spring, header));
        }
    }

    private static String randomCase(Random random, String text) {
        StringBuilder mixed = new StringBuilder();
        for (char c : text.toCharArray()) {
            mixed.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        return mixed.toString();
    }

    private static String outcome(BearerTokenResolver resolver, String header) {
        try {
            return "token " + resolver.resolve(withAuthorization(header));
        } catch (OAuth2AuthenticationException e) {
            return "refused " + e.getError().getErrorCode() + " " + e.getMessage();
        }
    }

    private static MockHttpServletRequest withAuthorization(String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/plans");
        request.addHeader("Authorization", header);
        return request;
    }
}
