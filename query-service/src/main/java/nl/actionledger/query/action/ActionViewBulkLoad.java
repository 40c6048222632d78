package nl.actionledger.query.action;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.actionledger.query.Projection;
import nl.actionledger.query.rebuild.ProjectionBulkLoad;
import nl.actionledger.query.rebuild.StoredEvent;
import org.springframework.stereotype.Component;

/**
 * The current views in bulk: what {@link RowChange#of} makes of the events, applied by {@link ActionViewWriter#apply}
 * to rows kept in memory for the whole rebuild; the rows a page changed are written back with it.
 */
@Component
class ActionViewBulkLoad implements ProjectionBulkLoad {

    private final CurrentActions rows;

    ActionViewBulkLoad(CurrentActions rows) {
        this.rows = rows;
    }

    @Override
    public Projection projection() {
        return Projection.ACTION_VIEWS;
    }

    @Override
    public Loader begin() {
        Map<String, CurrentAction> current = new HashMap<>();
        return (events, connection) -> {
            List<RowChange> changes = events.stream()
                    .map(StoredEvent::message)
                    .map(RowChange::of)
                    .flatMap(Optional::stream)
                    .toList();
            rows.upsert(ActionViewWriter.apply(changes, current));
        };
    }
}
