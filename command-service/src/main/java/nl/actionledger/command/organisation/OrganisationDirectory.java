package nl.actionledger.command.organisation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.actionledger.events.OrganisationChangedEvent;
import nl.actionledger.events.OrganisationRegisteredEvent;
import nl.actionledger.support.organisation.OrganisationNames;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The list of organisations as their events say, to resolve a name someone gives (a request's organisation, a
 * sign-in's organisation setting or claim) to an id: the id or an alias, compared as {@link OrganisationNames#key}
 * says (surrounding white space dropped, case ignored, nothing else). Read from the hash-chained events themselves,
 * never from a table a service login could edit; kept for a few seconds, and read again at once before a name is
 * refused, so an organisation another instance just registered is found.
 */
@Component
public class OrganisationDirectory {

    /** How long a reading of the list is used before the next lookup reads it again. */
    static final Duration FRESH_FOR = Duration.ofSeconds(5);
    /** A name not found makes the list be read again, but not more often than this. */
    static final Duration REREAD_AFTER = Duration.ofMillis(200);

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final Configuration axon;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), Instant.EPOCH);

    OrganisationDirectory(JdbcClient jdbc, @Qualifier("eventSerializer") Serializer serializer, Configuration axon) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.axon = axon;
        this.clock = Clock.systemUTC();
    }

    /** The id the name stands for, if any organisation of the list has it as id or alias. */
    public Optional<String> resolve(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String key = OrganisationNames.key(name);
        String id = current(FRESH_FOR).byKey.get(key);
        if (id == null) {
            id = current(REREAD_AFTER).byKey.get(key);
        }
        return Optional.ofNullable(id);
    }

    /** The id the name stands for. @throws OrganisationRejectedException UNKNOWN_ORGANISATION when none */
    public String require(String name) {
        return resolve(name)
                .orElseThrow(() -> new OrganisationRejectedException(
                        OrganisationRejectedException.Reason.UNKNOWN_ORGANISATION,
                        "There is no organisation '" + name
                                + "' on the list; name one by its id or an alias (GET /api/organisations"
                                + " on query-service lists them)."));
    }

    /** Every organisation of the list, read afresh. */
    public List<ListedOrganisation> all() {
        return List.copyOf(current(Duration.ZERO).byId.values());
    }

    private Snapshot current(Duration maxAge) {
        Snapshot current = snapshot;
        if (current.readAt.plus(maxAge).isAfter(clock.instant())) {
            return current;
        }
        synchronized (this) {
            if (snapshot.readAt.plus(maxAge).isAfter(clock.instant())) {
                return snapshot;
            }
            snapshot = read();
            return snapshot;
        }
    }

    private Snapshot read() {
        Instant readAt = clock.instant();
        // One query, on V11's partial index of the organisations' events (it does not scan the actions' history); the
        // events are read through the same upcasters as everywhere else.
        List<GenericDomainEventEntry<byte[]>> rows = jdbc.sql("""
                        SELECT aggregate_identifier, sequence_number, event_identifier, time_stamp, payload_type,
                               payload_revision, payload, meta_data
                        FROM event_store.domain_event_entry WHERE type = 'Organisation'
                        ORDER BY aggregate_identifier, sequence_number""")
                .query((rs, n) -> new GenericDomainEventEntry<>(
                        "Organisation",
                        rs.getString("aggregate_identifier"),
                        rs.getLong("sequence_number"),
                        rs.getString("event_identifier"),
                        rs.getString("time_stamp"),
                        rs.getString("payload_type"),
                        rs.getString("payload_revision"),
                        rs.getBytes("payload"),
                        rs.getBytes("meta_data")))
                .list();
        Map<String, ListedOrganisation> byId = new LinkedHashMap<>();
        fold(EventStreamUtils.upcastAndDeserializeDomainEvents(rows.stream(), serializer, axon.upcasterChain()), byId);
        Map<String, String> byKey = new HashMap<>();
        byId.values()
                .forEach(organisation -> organisation
                        .aliases()
                        .forEach(alias -> byKey.putIfAbsent(OrganisationNames.key(alias), organisation.id())));
        // an id wins over another organisation's alias, should both ever be the same
        byId.keySet().forEach(id -> byKey.put(id, id));
        return new Snapshot(Collections.unmodifiableMap(byId), Map.copyOf(byKey), readAt);
    }

    private static void fold(DomainEventStream stream, Map<String, ListedOrganisation> byId) {
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof OrganisationRegisteredEvent registered) {
                byId.put(
                        registered.organisationId(),
                        new ListedOrganisation(
                                registered.organisationId(),
                                registered.displayName(),
                                registered.aliases(),
                                message.getSequenceNumber()));
            } else if (message.getPayload() instanceof OrganisationChangedEvent changed
                    && byId.containsKey(changed.organisationId())) {
                byId.put(
                        changed.organisationId(),
                        new ListedOrganisation(
                                changed.organisationId(),
                                changed.displayName(),
                                changed.aliases(),
                                message.getSequenceNumber()));
            }
        }
    }

    /** Forgets the list read, so that the next lookup reads it again (after a change through this instance). */
    public void forget() {
        snapshot = new Snapshot(Map.of(), Map.of(), Instant.EPOCH);
    }

    private record Snapshot(Map<String, ListedOrganisation> byId, Map<String, String> byKey, Instant readAt) {}
}
