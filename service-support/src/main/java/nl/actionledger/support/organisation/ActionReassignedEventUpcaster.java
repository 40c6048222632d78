package nl.actionledger.support.organisation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.actionledger.events.ActionReassignedEvent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads an {@link ActionReassignedEvent} of revision 1, whose assignments named the organisation in free text
 * ({@code {"organisation": "NVWA", "contact": ...}}), as revision 2, which names it by id
 * ({@code {"organisationId": "nvwa", ...}}), through the frozen {@link LegacyOrganisationNames}. Only what is read
 * changes: the stored bytes, and so the hash chain, stay as they were. Pure, so every replay reads the same.
 */
public class ActionReassignedEventUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(ActionReassignedEvent.class.getName(), "1");
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(ActionReassignedEvent.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, ActionReassignedEventUpcaster::upcast);
    }

    static JsonNode upcast(JsonNode revision1) {
        ObjectNode event = revision1.deepCopy();
        event.set("previousAssignment", assignment(event.get("previousAssignment")));
        event.set("newAssignment", assignment(event.get("newAssignment")));
        return event;
    }

    private static JsonNode assignment(JsonNode revision1) {
        if (revision1 == null || revision1.isNull()) {
            return JsonNodeFactory.instance.nullNode();
        }
        ObjectNode assignment = JsonNodeFactory.instance.objectNode();
        JsonNode organisation = revision1.get("organisation");
        assignment.put("organisationId", LegacyOrganisationNames.idFor(organisation == null ? "" : organisation.asText()));
        assignment.set("contact", revision1.has("contact") ? revision1.get("contact") : JsonNodeFactory.instance.nullNode());
        return assignment;
    }
}
