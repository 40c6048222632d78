package nl.actionledger.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * What the services answer when PostgreSQL is away: the forms in which that failure reaches the problem handling, as
 * seen with the fault suite's stopped database, become 503 DATABASE_UNAVAILABLE with Retry-After; anything else stays
 * a 500.
 */
class DatabaseUnavailableProblemTest {

    private final LedgerProblemHandling handling = new LedgerProblemHandling() {};

    @Test
    void aTransactionThatCannotStartForLackOfAConnectionIs503WithRetryAfter() {
        // Axon's command bus starts a Spring transaction; Hikari gives up after its connection timeout.
        assertDatabaseUnavailable(new CannotCreateTransactionException(
                "Could not open JDBC Connection for transaction",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out")));
    }

    @Test
    void aQueryThatGetsNoConnectionIs503() {
        assertDatabaseUnavailable(new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("request timed out after 3000ms")));
    }

    @Test
    void anAppendCutOffByTheServerShuttingDownIs503EvenWrappedByAxonAndTheGateway() {
        // PostgreSQL's admin_shutdown, what a connection gets when the server is stopped under it
        SQLException shutdown = new SQLException("terminating connection due to administrator command", "57P01");
        assertDatabaseUnavailable(
                new CompletionException(new EventStoreException("An event could not be stored", shutdown)));
    }

    @Test
    void aCommitWhoseConnectionWasClosedUnderItIs503() {
        // Seen when PostgreSQL was stopped during a commit: the rollback after the failed commit fails too.
        assertDatabaseUnavailable(
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed")));
    }

    @Test
    void loadingAnActionOnAConnectionClosedUnderItIs503() {
        // Seen by the fault suite: Axon reads the action's events on a pooled connection Hikari had closed, which says
        // only "Connection is closed", without an SQL state.
        assertDatabaseUnavailable(
                new JdbcException("Failed to create a SQL statement", new SQLException("Connection is closed")));
    }

    @Test
    void aStatementOnAConnectionClosedUnderItIs503() {
        // Seen with PostgreSQL stopped under an idempotency-key lookup: Axon's JdbcException, Hikari's closed proxy as
        // the cause (no SQLSTATE), the driver's own failure suppressed.
        SQLException closed = new SQLException("Connection is closed");
        closed.addSuppressed(new SQLException("This connection has been closed.", "08003"));
        assertDatabaseUnavailable(new JdbcException("Failed to create a SQL statement", closed));
    }

    @Test
    void aRefusedConnectionIs503() {
        assertDatabaseUnavailable(new IllegalStateException(
                "wrapped",
                new PSQLException(
                        "Connection refused",
                        PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                        new ConnectException("Connection refused"))));
    }

    @Test
    void otherDatabaseErrorsStayInternalErrors() {
        ResponseEntity<Object> answer =
                handling.onUnexpected(new EventStoreException("broken", new SQLException("syntax error", "42601")));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
    }

    @Test
    void aDefectIsStillAnInternalError() {
        assertThat(handling.onUnexpected(new NullPointerException()).getStatusCode())
                .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    private void assertDatabaseUnavailable(Exception failure) {
        ResponseEntity<Object> answer = handling.onUnexpected(failure);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(((ProblemDetail) answer.getBody()).getProperties())
                .containsEntry("errorCode", "DATABASE_UNAVAILABLE");
    }
}
