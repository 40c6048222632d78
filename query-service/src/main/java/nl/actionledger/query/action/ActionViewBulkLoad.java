package nl.actionledger.query.action;

import java.sql.Connection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.actionledger.query.Projection;
import nl.actionledger.query.rebuild.ProjectionBulkLoad;
import nl.actionledger.query.rebuild.StoredEvent;
import org.springframework.stereotype.Component;

/**
 * The current views in bulk: what {@link RowChange#of} makes of the events, applied by {@link ActionViewWriter#apply}
 * to rows kept in memory for the whole rebuild. A row changes with nearly every page (a page of a long history touches
 * most actions), so the rows changed since the last checkpoint are written once, at the checkpoint.
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
        Set<CurrentAction> changed = new LinkedHashSet<>();
        return new Loader() {
            @Override
            public void write(List<StoredEvent> events, Connection connection) {
                changed.addAll(ActionViewWriter.apply(
                        events.stream()
                                .map(StoredEvent::message)
                                .map(RowChange::of)
                                .flatMap(Optional::stream)
                                .toList(),
                        current));
            }

            @Override
            public void checkpoint(Connection connection) {
                rows.upsert(changed);
                changed.clear();
            }
        };
    }
}
