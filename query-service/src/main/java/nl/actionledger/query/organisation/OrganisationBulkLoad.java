package nl.actionledger.query.organisation;

import java.util.Optional;
import nl.actionledger.query.Projection;
import nl.actionledger.query.rebuild.ProjectionBulkLoad;
import nl.actionledger.query.rebuild.StoredEvent;
import org.springframework.stereotype.Component;

/**
 * The list of organisations in bulk: a handful of events in a whole history, written as the projection writes a batch
 * ({@link Organisations#write}, which reads nothing back).
 */
@Component
class OrganisationBulkLoad implements ProjectionBulkLoad {

    private final Organisations organisations;

    OrganisationBulkLoad(Organisations organisations) {
        this.organisations = organisations;
    }

    @Override
    public Projection projection() {
        return Projection.ORGANISATIONS;
    }

    @Override
    public Loader begin() {
        return (events, connection) -> organisations.write(events.stream()
                .map(StoredEvent::message)
                .map(OrganisationChange::of)
                .flatMap(Optional::stream)
                .toList());
    }
}
