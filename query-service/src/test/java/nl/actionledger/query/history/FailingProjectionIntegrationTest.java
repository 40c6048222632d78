package nl.actionledger.query.history;

import static nl.actionledger.query.TestEvents.RANGE_2024_2025;
import static nl.actionledger.query.TestEvents.action;
import static nl.actionledger.query.TestEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.query.Projection;
import nl.actionledger.query.QueryServiceIntegrationTestBase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A projection that fails on an event stops there and tries again; it never moves past the event.
 * A database error does so whatever the error handler, because PostgreSQL will not commit a transaction in which a
 * statement failed. Any other exception in a handler would be logged and skipped by Axon's default error handler,
 * leaving the view without that change for good; the processor here propagates it instead.
 */
class FailingProjectionIntegrationTest extends QueryServiceIntegrationTestBase {

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void aHandlerThatThrowsStopsTheProcessorInsteadOfBeingSkipped() {
        assertThat(processing.listenerInvocationErrorHandler(Projection.PROCESSOR))
                .isInstanceOf(PropagatingErrorHandler.class);
    }

    @Test
    void aFailingEventIsRetriedUntilItSucceedsInsteadOfBeingSkipped() {
        // Only the owner of the table may give it a trigger.
        asOwner(owner -> owner.sql("""
                CREATE FUNCTION query_model.refuse_action_401() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.action_id = '401' THEN RAISE EXCEPTION 'simulated projection failure'; END IF;
                    RETURN NEW;
                END $$""").update());
        asOwner(owner -> owner.sql("CREATE TRIGGER refuse_action_401 BEFORE INSERT OR UPDATE ON query_model.action_state "
                + "FOR EACH ROW EXECUTE FUNCTION query_model.refuse_action_401()").update());
        try {
            new History(action("401")).then(registered("401", 1, 1, ImplementationStatus.NOT_STARTED, RANGE_2024_2025,
                    CommitmentLevel.NATIONAL), "system", "reg-401", Instant.parse("2026-02-01T09:00:00Z"));
            // The projection keeps failing on the event: for two seconds it does not show.
            org.awaitility.Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                    get("evaluator", "/api/plans/eu-wap-nl/actions/401/as-of?at=2026-02-02").statusCode() == 404);
        } finally {
            asOwner(owner -> {
                owner.sql("DROP TRIGGER refuse_action_401 ON query_model.action_state").update();
                owner.sql("DROP FUNCTION query_model.refuse_action_401()").update();
            });
        }

        // Once the cause is gone, the same event goes through: nothing was skipped.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                get("evaluator", "/api/plans/eu-wap-nl/actions/401/as-of?at=2026-02-02").statusCode() == 200);
    }
}
