package nl.actionledger.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * What a projection's handlers made of the events of one batch, written in a few set-based statements just before
 * the batch's transaction commits, together with the processor's token. A streaming processor hands its handlers up
 * to a batch of events in one unit of work; writing each event on its own would cost several round trips per event,
 * which made a replay of a million events take over half an hour. An event a projection skips in a rebuild of the
 * others ({@link Rebuild}) is not added.
 *
 * @param <T> what the projection keeps per event until the batch is written
 */
public final class EventBatch<T> {

    private final Projection projection;
    private final List<T> items = new ArrayList<>();

    private EventBatch(Projection projection) {
        this.projection = projection;
    }

    /**
     * The batch of the unit of work handling the current event, begun with its first event.
     *
     * @param projection names the batch, so that projections sharing a unit of work keep theirs apart
     * @param writer     writes the whole batch, in order, inside the batch's transaction
     */
    @SuppressWarnings("unchecked")
    public static <T> EventBatch<T> current(Projection projection, Consumer<List<T>> writer) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return (EventBatch<T>) unitOfWork
                .root()
                .getOrComputeResource(EventBatch.class.getName() + "/" + projection, key -> {
                    EventBatch<T> batch = new EventBatch<>(projection);
                    unitOfWork.root().onPrepareCommit(committing -> {
                        if (!batch.items.isEmpty()) {
                            writer.accept(List.copyOf(batch.items));
                        }
                    });
                    return batch;
                });
    }

    /** Adds what the projection made of the event being handled, unless the projection skips that event. */
    public void add(T item) {
        if (!Rebuild.skips(projection, CurrentUnitOfWork.get().getMessage())) {
            items.add(item);
        }
    }
}
