package nl.actionledger.query.rebuild;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What a bulk rebuild leaves when its instance stops or dies half way: the processor carries on event by event from
 * the last checkpoint written (here or on another instance), but the secondary indexes the rebuild set aside would stay
 * away, and every read that needs them would scan. They are built again at start and, should the instance that set
 * them aside have died, by whichever instance looks first after its heartbeat stopped; never while a rebuild runs.
 */
@Component
class AbandonedRebuilds implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AbandonedRebuilds.class);

    private final BulkRebuild bulkRebuild;
    private final BulkRebuildsInProgress inProgress;
    private final ProjectionIndexes indexes;

    AbandonedRebuilds(BulkRebuild bulkRebuild, BulkRebuildsInProgress inProgress, ProjectionIndexes indexes) {
        this.bulkRebuild = bulkRebuild;
        this.inProgress = inProgress;
        this.indexes = indexes;
    }

    @Override
    public void run(ApplicationArguments args) {
        restoreWhatWasLeft();
    }

    @Scheduled(
            initialDelayString = "${actionledger.rebuild.abandoned-check-interval:PT1M}",
            fixedDelayString = "${actionledger.rebuild.abandoned-check-interval:PT1M}")
    void check() {
        restoreWhatWasLeft();
    }

    /** @return whether it found indexes left aside and built them */
    synchronized boolean restoreWhatWasLeft() {
        if (bulkRebuild.running()) {
            return false;
        }
        Optional<BulkRebuildsInProgress.InProgress> recorded = inProgress.current();
        if (recorded.isPresent() && !recorded.get().stale()) {
            return false;
        }
        recorded.ifPresent(dead -> {
            log.warn(
                    "The bulk rebuild of {} on {} reached its last checkpoint at {} (position {} of {}) and none "
                            + "since: taken to have stopped with its instance; the processor carries it on event by event",
                    dead.projections(),
                    dead.instance(),
                    dead.heartbeatAt(),
                    dead.position(),
                    dead.upTo());
            inProgress.forget(dead);
        });
        List<String> missing = indexes.missing();
        if (missing.isEmpty()) {
            return false;
        }
        log.warn("Building the projection indexes a stopped bulk rebuild left aside: {}", missing);
        indexes.restore();
        return true;
    }
}
