package nl.actionledger.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The client log against the event store: every acknowledged change must be stored exactly once, as the version it
 * was acknowledged with, and no request of the suite may have been stored twice (a retry that was not recognised as
 * one). Events are found by the correlation id each request carried.
 */
final class StoredChanges {

    private StoredChanges() {}

    static Result check(FaultDatabase database, List<Acknowledged> acknowledged) {
        Map<String, List<String>> stored = new HashMap<>();
        for (List<String> row : database.queryRows("""
                SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'correlationId', aggregate_identifier, sequence_number
                FROM event_store.domain_event_entry
                WHERE convert_from(meta_data, 'UTF8')::jsonb ->> 'correlationId' LIKE 'fault-%'""")) {
            stored.computeIfAbsent(row.get(0), id -> new ArrayList<>()).add(row.get(1) + "#" + row.get(2));
        }
        int lost = 0;
        int misplaced = 0;
        List<String> examples = new ArrayList<>();
        for (Acknowledged change : acknowledged) {
            List<String> events = stored.getOrDefault(change.correlationId(), List.of());
            String expected = change.aggregateId() + "#" + change.version();
            if (events.isEmpty()) {
                lost++;
                examples.add("lost " + change.correlationId() + " (" + expected + ")");
            } else if (events.size() == 1 && !events.get(0).equals(expected)) {
                misplaced++;
                examples.add(change.correlationId() + " acknowledged as " + expected + ", stored as " + events.get(0));
            }
        }
        long storedTwice =
                stored.values().stream().filter(events -> events.size() > 1).count();
        stored.entrySet().stream()
                .filter(entry -> entry.getValue().size() > 1)
                .limit(5)
                .forEach(entry -> examples.add("stored twice: " + entry.getKey() + " " + entry.getValue()));
        return new Result(
                acknowledged.size(),
                lost,
                misplaced,
                storedTwice,
                examples.stream().limit(10).toList());
    }

    /**
     * @param storedTwice requests of the suite whose correlation id is on more than one event
     */
    record Result(int acknowledged, int lost, int misplaced, long storedTwice, List<String> examples) {

        boolean exactlyOnce() {
            return lost == 0 && misplaced == 0 && storedTwice == 0;
        }

        String describe() {
            return acknowledged + " acknowledged, " + lost + " lost, " + misplaced + " misplaced, " + storedTwice
                    + " stored twice" + (examples.isEmpty() ? "" : " " + examples);
        }
    }
}
