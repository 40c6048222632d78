package nl.actionledger.query.history;

import static nl.actionledger.query.TestEvents.RANGE_2024_2025;
import static nl.actionledger.query.TestEvents.action;
import static nl.actionledger.query.TestEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import nl.actionledger.events.ActionRef;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.query.QueryServiceIntegrationTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A projection that fails on an event stops there and tries again; it never moves past the event. Axon's default error
 * handler would log an exception thrown by a handler and go on with the next event, leaving the views without that
 * change for good; the processor here propagates it instead ({@code ProjectionErrorHandling}). A database error stops
 * the projections whatever the error handler (PostgreSQL will not commit a transaction in which a statement failed,
 * and the projections write when their batch commits), so the failure here is thrown by a handler itself.
 */
class FailingProjectionIntegrationTest extends QueryServiceIntegrationTestBase {

    private static final ActionRef ACTION = action("401");

    @Autowired
    private RefusingHandler refusingHandler;

    @Test
    void anEventAHandlerFailsOnIsRetriedUntilItGoesThroughInsteadOfBeingSkipped() {
        refusingHandler.refuse(ACTION.toString());
        try {
            new History(ACTION)
                    .then(
                            registered(
                                    "401",
                                    1,
                                    1,
                                    ImplementationStatus.NOT_STARTED,
                                    RANGE_2024_2025,
                                    CommitmentLevel.NATIONAL),
                            "system",
                            "reg-401",
                            Instant.parse("2026-02-01T09:00:00Z"));
            await().atMost(VISIBLE_WITHIN).until(() -> refusingHandler.refusals() > 0);
            // The other projections handled the event too, but their work was rolled back with the failing handler's.
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> get("evaluator", "/api/plans/eu-wap-nl/actions/401/as-of?at=2026-02-02")
                                    .statusCode()
                            == 404);
        } finally {
            refusingHandler.accept(ACTION.toString());
        }

        // Once the cause is gone, the same event goes through: nothing was skipped.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> get("evaluator", "/api/plans/eu-wap-nl/actions/401/as-of?at=2026-02-02")
                                .statusCode()
                        == 200);
        assertThat(get("evaluator", "/api/plans/eu-wap-nl/actions/401").statusCode())
                .isEqualTo(200);
    }
}
