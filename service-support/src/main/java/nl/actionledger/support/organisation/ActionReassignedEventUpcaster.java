package nl.actionledger.support.organisation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.actionledger.events.ActionReassignedEvent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads an {@link ActionReassignedEvent} of revision 1 or 2 as revision 3. Revision 1 named the organisation in free
 * text ({@code {"organisation": "NVWA", "contact": ...}}), which becomes its id ({@code {"organisationId": "nvwa"}})
 * through the frozen {@link LegacyOrganisationNames}; revisions 1 and 2 held the contact's name in clear text
 * ({@code "contact"}), which becomes {@code "legacyContact"} (revision 3 names a contact by a sealed name,
 * {@code "contactPerson"}). Only what is read changes: the stored bytes, and so the hash chain, stay as they were. Pure,
 * so every replay reads the same. One upcaster for both steps, so that their order in Axon's chain cannot matter.
 */
public class ActionReassignedEventUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(ActionReassignedEvent.class.getName(), "1");
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(ActionReassignedEvent.class.getName(), "2");
    static final SimpleSerializedType REVISION_3 = new SimpleSerializedType(ActionReassignedEvent.class.getName(), "3");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType()) || REVISION_2.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        boolean revision1 = REVISION_1.equals(representation.getType());
        return representation.upcastPayload(
                REVISION_3,
                JsonNode.class,
                revision1 ? ActionReassignedEventUpcaster::upcast : ActionReassignedEventUpcaster::upcastRevision2);
    }

    static JsonNode upcast(JsonNode revision1) {
        ObjectNode event = revision1.deepCopy();
        event.set("previousAssignment", assignment(event.get("previousAssignment"), true));
        event.set("newAssignment", assignment(event.get("newAssignment"), true));
        return event;
    }

    static JsonNode upcastRevision2(JsonNode revision2) {
        ObjectNode event = revision2.deepCopy();
        event.set("previousAssignment", assignment(event.get("previousAssignment"), false));
        event.set("newAssignment", assignment(event.get("newAssignment"), false));
        return event;
    }

    private static JsonNode assignment(JsonNode old, boolean organisationInFreeText) {
        if (old == null || old.isNull()) {
            return JsonNodeFactory.instance.nullNode();
        }
        ObjectNode assignment = JsonNodeFactory.instance.objectNode();
        if (organisationInFreeText) {
            JsonNode organisation = old.get("organisation");
            assignment.put(
                    "organisationId", LegacyOrganisationNames.idFor(organisation == null ? "" : organisation.asText()));
        } else {
            assignment.set("organisationId", old.get("organisationId"));
        }
        assignment.set("contactPerson", JsonNodeFactory.instance.nullNode());
        assignment.set("legacyContact", old.has("contact") ? old.get("contact") : JsonNodeFactory.instance.nullNode());
        return assignment;
    }
}
