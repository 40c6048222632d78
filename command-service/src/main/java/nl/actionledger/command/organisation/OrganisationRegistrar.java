package nl.actionledger.command.organisation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.actionledger.events.EventMetadataKeys;
import nl.actionledger.events.OrganisationIds;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts the organisations of {@code actionledger.organisations.initial} on the list at start-up, as {@code system}, each
 * only while it is not listed: what admins changed since stays as they left it, and an organisation admins never
 * touched is not registered twice. When two instances start together, the unique index lets one registration in and
 * the other finds the organisation defined already.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrganisationRegistrar implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OrganisationRegistrar.class);

    private final Resource initial;
    private final EventStore eventStore;
    private final CommandGateway commandGateway;
    private final OrganisationDirectory directory;
    private final JsonMapper json;

    OrganisationRegistrar(
            @Value("${actionledger.organisations.initial}") Resource initial,
            EventStore eventStore,
            CommandGateway commandGateway,
            OrganisationDirectory directory,
            JsonMapper json) {
        this.initial = initial;
        this.eventStore = eventStore;
        this.commandGateway = commandGateway;
        this.directory = directory;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        InitialList list = read();
        String correlationId = "registration-organisations-" + UUID.randomUUID();
        int registered = 0;
        for (InitialOrganisation organisation : list.organisations()) {
            if (eventStore
                    .lastSequenceNumberFor(OrganisationIds.aggregateId(organisation.id()))
                    .isPresent()) {
                continue;
            }
            try {
                commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(new DefineOrganisationCommand(
                                organisation.id(),
                                organisation.displayName(),
                                organisation.aliases(),
                                "Listed at start-up from " + initial.getFilename()))
                        .andMetaData(Map.of(
                                EventMetadataKeys.ACTOR,
                                EventMetadataKeys.SYSTEM_ACTOR,
                                EventMetadataKeys.CORRELATION_ID,
                                correlationId)));
                registered++;
            } catch (OrganisationRejectedException alreadyThere) {
                if (alreadyThere.reason() != OrganisationRejectedException.Reason.NO_CHANGE) {
                    throw alreadyThere;
                }
                log.info("Organisation {} was registered by another instance at the same time", organisation.id());
            }
        }
        directory.forget();
        log.info(
                "Organisations: {} of {} listed now, the rest were listed already",
                registered,
                list.organisations().size());
    }

    private InitialList read() {
        try (InputStream in = initial.getInputStream()) {
            return json.readValue(in, InitialList.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the initial organisations from " + initial, e);
        }
    }

    record InitialList(String source, List<InitialOrganisation> organisations) {}

    record InitialOrganisation(String id, String displayName, List<String> aliases) {}
}
