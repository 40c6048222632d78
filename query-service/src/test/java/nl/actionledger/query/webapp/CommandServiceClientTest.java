package nl.actionledger.query.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withException;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.coyote.http11.Http11NioProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.test.web.client.ResponseCreator;
import org.springframework.web.client.RestClient;

/** The proxy to command-service: what it sends, and what each of command-service's answers becomes. */
class CommandServiceClientTest {

    private static final String STATUS = "http://command.test/api/plans/eu-wap-nl/actions/28/status";

    private final RestClient.Builder builder = RestClient.builder().baseUrl("http://command.test");
    private final MockRestServiceServer commandService =
            MockRestServiceServer.bindTo(builder).build();
    private final CommandServiceClient client = new CommandServiceClient(builder);

    @Test
    void sendsTheChangeAsTheSignedInUserWithTheLoadedVersionAsIfMatchAndNoActorInTheBody() {
        commandService
                .expect(requestTo(STATUS))
                .andExpect(method(HttpMethod.POST))
                .andExpect(header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString("coördinator:s3cret:x".getBytes(StandardCharsets.UTF_8))))
                .andExpect(header("If-Match", "\"3\""))
                .andExpect(header("Content-Type", MediaType.APPLICATION_JSON_VALUE))
                .andExpect(content().json("{\"status\":\"IN_PROGRESS\",\"reason\":\"Campaign started\"}", true))
                .andRespond(withSuccess(
                        "{\"planId\":\"eu-wap-nl\",\"actionId\":\"28\",\"version\":4}", MediaType.APPLICATION_JSON));

        ChangeOutcome outcome = client.send(
                "eu-wap-nl",
                "28",
                "status",
                status("IN_PROGRESS", "Campaign started"),
                3,
                CommandServiceCredentials.basic("coördinator", "s3cret:x"));

        assertThat(outcome).isEqualTo(new ChangeOutcome.Accepted(4));
        commandService.verify();
    }

    @Test
    void inJwtModeTheChangeCarriesTheUsersAccessToken() {
        commandService
                .expect(requestTo(STATUS))
                .andExpect(header("Authorization", "Bearer the.access.token"))
                .andRespond(withSuccess("{\"version\":4}", MediaType.APPLICATION_JSON));

        assertThat(client.send(
                        "eu-wap-nl",
                        "28",
                        "status",
                        status("IN_PROGRESS", "Campaign started"),
                        3,
                        CommandServiceCredentials.bearer("the.access.token")))
                .isEqualTo(new ChangeOutcome.Accepted(4));
        commandService.verify();
    }

    @Test
    void theActionsAddressIsEncodedNotPastedIn() {
        commandService
                .expect(requestTo("http://command.test/api/plans/eu-wap-nl/actions/a%2Fb%3Fc/timeframe"))
                .andRespond(withSuccess("{\"version\":1}", MediaType.APPLICATION_JSON));

        assertThat(client.send(
                        "eu-wap-nl",
                        "a/b?c",
                        "timeframe",
                        Map.of("timeframe", "2025", "reason", "r"),
                        0,
                        CommandServiceCredentials.basic("u", "p")))
                .isEqualTo(new ChangeOutcome.Accepted(1));
    }

    @Test
    void aVersionConflictIsStale() {
        commandService
                .expect(requestTo(STATUS))
                .andRespond(problem(HttpStatus.PRECONDITION_FAILED, "The action is at version 4, not 3."));

        assertThat(send()).isEqualTo(new ChangeOutcome.Stale());
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 404, 409, 422, 429, 503})
    void anyOtherProblemIsRefusedWithItsDetail(int status) {
        commandService.expect(requestTo(STATUS)).andRespond(problem(HttpStatus.valueOf(status), "Detail " + status));

        assertThat(send()).isEqualTo(new ChangeOutcome.Refused(status, "Detail " + status));
    }

    @Test
    void anAnswerThatIsNoProblemShowsNothingOfItsBody() {
        commandService
                .expect(requestTo(STATUS))
                .andRespond(withStatus(HttpStatus.BAD_GATEWAY)
                        .contentType(MediaType.TEXT_HTML)
                        .body("<html>java.lang.IllegalStateException at ...</html>"));

        assertThat(send()).isEqualTo(new ChangeOutcome.Refused(502, null));
    }

    @Test
    void credentialsThatNoLongerWorkAskForANewSignIn() {
        commandService.expect(requestTo(STATUS)).andRespond(problem(HttpStatus.UNAUTHORIZED, "Sign in"));

        assertThat(send()).isEqualTo(new ChangeOutcome.SignInAgain());
    }

    @Test
    void noAnswerIsUnreachable() {
        commandService
                .expect(requestTo(STATUS))
                .andRespond(withException(new SocketTimeoutException("read timed out")));

        assertThat(send()).isEqualTo(new ChangeOutcome.Unreachable());
    }

    @Test
    void aCommandServiceThatIsNotListeningIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CommandServiceClient real = new CommandServiceClient("http://127.0.0.1:" + closedPort);

        assertThat(real.send(
                        "eu-wap-nl",
                        "28",
                        "status",
                        status("ON_HOLD", "waiting"),
                        1,
                        CommandServiceCredentials.basic("coordinator", "coordinator")))
                .isEqualTo(new ChangeOutcome.Unreachable());
    }

    @Test
    void idleConnectionsAreClosedBeforeCommandServicesTomcatClosesThem() {
        long clientSeconds = Long.getLong(CommandServiceClient.KEEP_ALIVE_PROPERTY);
        long tomcatMillis = new Http11NioProtocol().getKeepAliveTimeout();

        assertThat(clientSeconds * 1000).isLessThanOrEqualTo(tomcatMillis / 2);
    }

    @Test
    void onlyTheApisThreeChangesAreSent() {
        assertThatThrownBy(() -> client.send(
                        "eu-wap-nl",
                        "28",
                        "../../admin/checkpoints",
                        Map.of(),
                        1,
                        CommandServiceCredentials.basic("u", "p")))
                .isInstanceOf(IllegalArgumentException.class);
        commandService.verify();
    }

    private ChangeOutcome send() {
        return client.send(
                "eu-wap-nl",
                "28",
                "status",
                status("ON_HOLD", "waiting"),
                3,
                CommandServiceCredentials.basic("coordinator", "coordinator"));
    }

    private static Map<String, String> status(String status, String reason) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("reason", reason);
        return body;
    }

    private static ResponseCreator problem(HttpStatus status, String detail) {
        return withStatus(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body("{\"type\":\"about:blank\","
                        + "\"title\":\"x\",\"status\":" + status.value() + ",\"detail\":\"" + detail
                        + "\",\"errorCode\":\"SOME_CODE\"}");
    }
}
