package nl.actionledger.query.admin;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code projections} in {@code /actuator/health}: DOWN when the processor that feeds them is stopped (outside a
 * replay) or a segment here failed on an event and retries it, so the views no longer follow the events. Like
 * {@code auditTrail} it is left out of the liveness and readiness groups: a restart does not cure a failing event, and
 * an instance whose views lag can still answer; an operator has to look (README, "Observability"). Reads only the
 * processor's state in memory.
 */
@Component
class ProjectionsHealthIndicator implements HealthIndicator {

    private final Projections projections;

    ProjectionsHealthIndicator(Projections projections) {
        this.projections = projections;
    }

    @Override
    public Health health() {
        int inError = projections.segmentsInErrorHere();
        boolean running = projections.runningOrRebuilding();
        Health.Builder health = running && inError == 0 ? Health.up() : Health.down();
        return health.withDetail("running", running)
                .withDetail("segmentsInError", inError)
                .build();
    }
}
