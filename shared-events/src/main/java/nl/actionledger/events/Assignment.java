package nl.actionledger.events;

import java.util.Objects;

/**
 * Who is responsible for an action: an organisation of the list ({@link OrganisationRegisteredEvent}), by its id, and
 * optionally a contact person there.
 *
 * @param organisationId the organisation's id ({@code nvwa}); events of revision 1 named the organisation in free text,
 *                       which the upcaster maps to an id when they are read
 */
public record Assignment(String organisationId, String contact) {

    public Assignment {
        Objects.requireNonNull(organisationId, "organisationId");
    }
}
