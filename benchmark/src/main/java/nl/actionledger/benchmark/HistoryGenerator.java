package nl.actionledger.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import nl.actionledger.events.ActionReassignedEvent;
import nl.actionledger.events.ActionRef;
import nl.actionledger.events.ActionRegisteredEvent;
import nl.actionledger.events.ActionReopenedEvent;
import nl.actionledger.events.ActionStatusChangedEvent;
import nl.actionledger.events.ActionTimeframeRevisedEvent;
import nl.actionledger.events.Assignment;
import nl.actionledger.events.Commitment;
import nl.actionledger.events.CommitmentLevel;
import nl.actionledger.events.EventMetadataKeys;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.events.Objective;
import nl.actionledger.events.OrganisationIds;
import nl.actionledger.events.OrganisationRegisteredEvent;
import nl.actionledger.events.Priority;
import nl.actionledger.events.Timeframe;
import nl.actionledger.events.TimeframeType;
import nl.actionledger.tooling.EventRows;

/**
 * A large, plausible history, the same for the same seed: the action plans of 27 member states (70 actions each),
 * registered by the system and then changed for almost six years by each organisation's coordinators, in the
 * order of time. Every change is one the real command would accept and records what it would record: the
 * first change of an action is an admin assigning it, a coordinator changes only their own organisation's actions,
 * a closed action that resumes is reopened, and nothing is "changed" to what it already was. Some actions are
 * three times as busy as the others. Rows go in through JDBC batches; the database's own triggers (append-only,
 * hash chain) run for every row, as they do for the services. Before the plans, each member state's admin lists its
 * organisations, as command-service requires before an action can be assigned to one. Contacts are named in clear
 * text ({@code Assignment.legacyContact}), as events before sealed contacts did: the generated contacts are made up,
 * and sealing them would need keys in {@code event_store.person_key}; the projections read both forms alike.
 */
final class HistoryGenerator {

    static final List<String> MEMBER_STATES = List.of(
            "at", "be", "bg", "cy", "cz", "de", "dk", "ee", "es", "fi", "fr", "gr", "hr", "hu", "ie", "it", "lt", "lu",
            "lv", "mt", "nl", "pl", "pt", "ro", "se", "si", "sk");
    static final int ACTIONS_PER_PLAN = 70;
    static final String READ_PLAN = "bench-de";
    private static final Instant REGISTERED_AT = Instant.parse("2021-01-04T08:00:00Z");
    private static final Instant FIRST_CHANGE = Instant.parse("2021-02-01T08:00:00Z");
    private static final Instant LAST_CHANGE = Instant.parse("2026-10-30T17:00:00Z");
    private static final int BATCH_SIZE = 1_000;
    /** Each member state's organisations, by id ({@code de-customs}), as assignments of revision 2 name them. */
    private static final List<String> ORGANISATIONS = List.of(
            "ministry-of-justice",
            "customs",
            "police",
            "environment-agency",
            "public-prosecution-service",
            "nature-inspectorate");

    private static final List<String> CONTACTS = List.of(
            "A. Jansen",
            "B. de Vries",
            "C. Bakker",
            "D. Visser",
            "E. Smit",
            "F. Meijer",
            "G. de Boer",
            "H. Mulder",
            "I. de Groot",
            "J. Bos",
            "K. Vos",
            "L. Peters");
    private static final List<String> REASONS = List.of(
            "Agreed in the quarterly coordination meeting",
            "Funding for the next phase was approved",
            "Waiting for the outcome of the EU evaluation",
            "Responsibility moved after the reorganisation",
            "Delayed by the legislative procedure",
            "Completed as reported to the European Commission",
            "Resumed after new seizures at the border",
            "Staff shortage at the inspectorate",
            "Aligned with the CITES conference outcome",
            "Joint action with neighbouring member states",
            "Correction of an earlier entry",
            "Timeline revised after consultation with stakeholders");

    private final EventRows rows = new EventRows();
    private final Random random;
    /** One per plan, as the plan registrar uses one for all registrations of a plan. */
    private final Map<String, String> registrationCorrelations = new HashMap<>();

    private final long events;

    HistoryGenerator(long events, long seed) {
        this.events = events;
        this.random = new Random(seed);
    }

    GeneratedHistory appendTo(BenchmarkDatabase database) throws SQLException, InterruptedException {
        List<GeneratedAction> actions = new ArrayList<>();
        for (String country : MEMBER_STATES) {
            for (int number = 1; number <= ACTIONS_PER_PLAN; number++) {
                actions.add(new GeneratedAction(
                        ActionRef.of("bench-" + country, Integer.toString(number)),
                        country,
                        random.nextDouble() < 0.05 ? 3.0 : 0.5 + random.nextDouble()));
            }
        }
        double[] cumulativeWeight = new double[actions.size()];
        double total = 0;
        for (int i = 0; i < actions.size(); i++) {
            total += actions.get(i).weight;
            cumulativeWeight[i] = total;
        }
        Map<String, Long> eventsByActor = new HashMap<>();
        long started = System.nanoTime();
        long written = 0;
        long backend;
        try (Connection connection = database.connect();
                PreparedStatement insert = connection.prepareStatement(EventRows.INSERT)) {
            backend = BenchmarkDatabase.backendPid(connection);
            connection.setAutoCommit(false);
            for (String country : MEMBER_STATES) {
                for (String organisation : ORGANISATIONS) {
                    if (written == events) {
                        break;
                    }
                    listOrganisation(
                                    country,
                                    organisation,
                                    REGISTERED_AT.minusSeconds(3600).plusMillis(written))
                            .addTo(insert);
                    written = flushIfFull(connection, insert, written + 1, started);
                }
            }
            for (GeneratedAction action : actions) {
                if (written == events) {
                    break;
                }
                register(action, REGISTERED_AT.plusMillis(written)).addTo(insert);
                written = flushIfFull(connection, insert, written + 1, started);
            }
            long changes = events - written;
            Duration step = changes == 0
                    ? Duration.ZERO
                    : Duration.between(FIRST_CHANGE, LAST_CHANGE).dividedBy(changes);
            for (long i = 0; i < changes; i++) {
                GeneratedAction action = actions.get(pick(cumulativeWeight, total));
                if (action.version < 0) {
                    continue; // not registered: only when the history is smaller than the plans
                }
                Change change = change(action);
                eventsByActor.merge(change.actor(), 1L, Long::sum);
                action.changes++;
                rows.row(
                                uuid(),
                                action.ref.toString(),
                                ++action.version,
                                change.event(),
                                changeMetadata(change.actor(), uuid()),
                                FIRST_CHANGE.plus(step.multipliedBy(i)))
                        .addTo(insert);
                written = flushIfFull(connection, insert, written + 1, started);
            }
            insert.executeBatch();
            connection.commit();
        }
        // Its backend did the generation's work: it ends now, not during the replay whose CPU is measured next.
        database.awaitBackendEnded(backend);
        GeneratedAction busiest = actions.stream()
                .max((a, b) -> Long.compare(a.changes, b.changes))
                .orElseThrow();
        Map.Entry<String, Long> busiestActor = eventsByActor.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElse(Map.entry(EventMetadataKeys.SYSTEM_ACTOR, 0L));
        return new GeneratedHistory(
                written,
                MEMBER_STATES.size(),
                actions.size(),
                READ_PLAN,
                busiest.ref,
                busiest.changes + 1,
                busiestActor.getKey(),
                busiestActor.getValue(),
                (System.nanoTime() - started) / 1e9);
    }

    private long flushIfFull(Connection connection, PreparedStatement insert, long written, long started)
            throws SQLException {
        if (written % BATCH_SIZE == 0) {
            insert.executeBatch();
            connection.commit();
        }
        if (written % 100_000 == 0) {
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("  generated %,d of %,d events (%,.0f/s)%n", written, events, written / seconds);
        }
        return written;
    }

    private int pick(double[] cumulativeWeight, double total) {
        double target = random.nextDouble() * total;
        int index = Arrays.binarySearch(cumulativeWeight, target);
        return index >= 0 ? index : Math.min(-index - 1, cumulativeWeight.length - 1);
    }

    /** What {@code PUT /api/admin/organisations/{id}} by the member state's admin appends. */
    private EventRows.Row listOrganisation(String country, String organisation, Instant at) {
        String id = country + "-" + organisation;
        String name = country.toUpperCase(Locale.ROOT) + " " + organisation.replace('-', ' ');
        OrganisationRegisteredEvent event =
                new OrganisationRegisteredEvent(id, name, List.of(), "Listed before the plan was registered");
        return rows.row(
                EventRows.ORGANISATION_TYPE,
                uuid(),
                OrganisationIds.aggregateId(id),
                0,
                event,
                changeMetadata("admin." + country, uuid()),
                at);
    }

    private EventRows.Row register(GeneratedAction action, Instant at) {
        int number = Integer.parseInt(action.ref.actionId());
        int objective = (number - 1) % 8 + 1;
        TreeSet<CommitmentLevel> levels = new TreeSet<>();
        for (CommitmentLevel level : CommitmentLevel.values()) {
            if (random.nextInt(3) == 0) {
                levels.add(level);
            }
        }
        if (levels.isEmpty()) {
            levels.add(CommitmentLevel.NATIONAL);
        }
        ImplementationStatus[] initial = {
            ImplementationStatus.NOT_STARTED, ImplementationStatus.IN_PROGRESS, ImplementationStatus.CONTINUOUS
        };
        action.status = initial[random.nextInt(initial.length)];
        action.timeframe = timeframeOtherThan(null);
        action.version = 0;
        ActionRegisteredEvent event = new ActionRegisteredEvent(
                action.ref,
                number,
                "Action " + number + " of the " + action.country.toUpperCase(Locale.ROOT)
                        + " plan against wildlife trafficking",
                new Objective(objective, "Objective " + objective, false),
                new Priority((objective - 1) / 3 + 1, "Priority " + ((objective - 1) / 3 + 1)),
                new Commitment(levels, random.nextInt(10) == 0 ? "Shared with the EU Enforcement Group" : null),
                action.timeframe,
                action.status,
                "bench-" + action.country + ".tsv",
                random.nextInt(5) == 0 ? List.of("Timeframe as given in the source table") : List.of());
        String correlationId = registrationCorrelations.computeIfAbsent(
                action.ref.planId(), plan -> "registration-" + plan + "-" + uuid());
        return rows.row(
                uuid(), action.ref.toString(), 0, event, metadata(EventMetadataKeys.SYSTEM_ACTOR, correlationId), at);
    }

    private Change change(GeneratedAction action) {
        String reason = REASONS.get(random.nextInt(REASONS.size()))
                + (random.nextInt(4) == 0 ? " (ref. " + (1000 + random.nextInt(9000)) + ")" : "");
        if (action.assignment == null) {
            Assignment assignment =
                    new Assignment(organisation(action), null, CONTACTS.get(random.nextInt(CONTACTS.size())));
            ActionReassignedEvent event = new ActionReassignedEvent(action.ref, null, assignment, reason);
            action.assignment = assignment;
            return new Change(event, "admin." + action.country);
        }
        String actor = action.country + ".coordinator."
                + ORGANISATIONS.indexOf(action.assignment.organisationId().substring(3)) + "."
                + (1 + random.nextInt(2));
        int kind = random.nextInt(4);
        if (kind <= 1) {
            ImplementationStatus next =
                    ImplementationStatus.values()[random.nextInt(ImplementationStatus.values().length)];
            while (next == action.status) {
                next = ImplementationStatus.values()[random.nextInt(ImplementationStatus.values().length)];
            }
            Object event = action.status.isClosed() && !next.isClosed()
                    ? new ActionReopenedEvent(action.ref, action.status, next, reason)
                    : new ActionStatusChangedEvent(action.ref, action.status, next, reason);
            action.status = next;
            return new Change(event, actor);
        }
        if (kind == 2) {
            Assignment next = random.nextInt(3) == 0
                    ? new Assignment(organisation(action), null, action.assignment.legacyContact())
                    : new Assignment(
                            action.assignment.organisationId(), null, CONTACTS.get(random.nextInt(CONTACTS.size())));
            if (next.equals(action.assignment)) {
                next = new Assignment(next.organisationId(), null, next.legacyContact() + " (deputy)");
            }
            ActionReassignedEvent event = new ActionReassignedEvent(action.ref, action.assignment, next, reason);
            action.assignment = next;
            return new Change(event, actor);
        }
        Timeframe next = timeframeOtherThan(action.timeframe);
        ActionTimeframeRevisedEvent event = new ActionTimeframeRevisedEvent(action.ref, action.timeframe, next, reason);
        action.timeframe = next;
        return new Change(event, actor);
    }

    private String organisation(GeneratedAction action) {
        return action.country + "-" + ORGANISATIONS.get(random.nextInt(ORGANISATIONS.size()));
    }

    private Timeframe timeframeOtherThan(Timeframe current) {
        while (true) {
            int from = 2021 + random.nextInt(8);
            int roll = random.nextInt(20);
            Timeframe candidate;
            if (roll < 12) {
                int to = from + random.nextInt(4);
                candidate = new Timeframe(
                        TimeframeType.RANGE, from == to ? Integer.toString(from) : from + " - " + to, from, to);
            } else if (roll < 15) {
                candidate = new Timeframe(TimeframeType.FROM, "Vanaf " + from, from, null);
            } else if (roll < 17) {
                candidate = new Timeframe(TimeframeType.CONTINUOUS, "Doorlopend", null, null);
            } else if (roll < 19) {
                candidate = new Timeframe(TimeframeType.TBD, "Nog te bepalen", null, null);
            } else {
                candidate = new Timeframe(TimeframeType.WHEN_RELEVANT, "Wanneer relevant", null, null);
            }
            if (!candidate.meansSameAs(current)) {
                return candidate;
            }
        }
    }

    /** What the command pipeline puts in every event's metadata (see command-service's AxonCommandConfiguration). */
    private Map<String, String> metadata(String actor, String correlationId) {
        String commandId = uuid();
        return Map.of(
                EventMetadataKeys.ACTOR,
                actor,
                EventMetadataKeys.CORRELATION_ID,
                correlationId,
                "commandId",
                commandId,
                "traceId",
                commandId);
    }

    /** A user's change also carries the display name; the benchmark's tokens give the user name for it. */
    private Map<String, String> changeMetadata(String actor, String correlationId) {
        Map<String, String> metadata = new HashMap<>(metadata(actor, correlationId));
        metadata.put(EventMetadataKeys.ACTOR_NAME, actor);
        return metadata;
    }

    /** A random (version 4) UUID drawn from the seeded generator, so that a run can be repeated exactly. */
    private String uuid() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    private record Change(Object event, String actor) {}

    private static final class GeneratedAction {
        final ActionRef ref;
        final String country;
        final double weight;
        ImplementationStatus status;
        Assignment assignment;
        Timeframe timeframe;
        long version = -1;
        long changes;

        GeneratedAction(ActionRef ref, String country, double weight) {
            this.ref = ref;
            this.country = country;
            this.weight = weight;
        }
    }

    /** What the reads are asked about, chosen from the generated history itself. */
    record GeneratedHistory(
            long events,
            int plans,
            int actions,
            String readPlan,
            ActionRef busiestAction,
            long busiestActionEvents,
            String busiestActor,
            long busiestActorEvents,
            double seconds) {}
}
