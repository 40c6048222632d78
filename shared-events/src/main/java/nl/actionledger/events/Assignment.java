package nl.actionledger.events;

import java.util.Objects;

/**
 * Who is responsible for an action: an organisation of the list ({@link OrganisationRegisteredEvent}), by its id, and
 * optionally a contact person there.
 *
 * @param organisationId the organisation's id ({@code nvwa}); events of revision 1 named the organisation in free text,
 *                       which the upcaster maps to an id when they are read
 * @param contactPerson  the contact person, with their name sealed ({@link SealedContact}); {@code null} when none is
 *                       named or the event is older than revision 3
 * @param legacyContact  the contact's name in clear text, as events before revision 3 held it (their field
 *                       {@code contact}, renamed by the upcaster); never written any more
 */
public record Assignment(String organisationId, SealedContact contactPerson, String legacyContact) {

    public Assignment {
        Objects.requireNonNull(organisationId, "organisationId");
        if (contactPerson != null && legacyContact != null) {
            throw new IllegalArgumentException(
                    "an assignment names its contact either sealed or (before revision 3) in clear text");
        }
    }

    /** An assignment without a contact person. */
    public static Assignment of(String organisationId) {
        return new Assignment(organisationId, null, null);
    }

    /** An assignment naming a contact person by a sealed name. */
    public static Assignment of(String organisationId, SealedContact contactPerson) {
        return new Assignment(organisationId, contactPerson, null);
    }

    /** The person id of the contact, {@code null} when there is none or it is named only in clear text. */
    public String contactPersonId() {
        return contactPerson == null ? null : contactPerson.personId();
    }

    /** Whether both name the same organisation and the same contact person (sealed names differ in every event). */
    public boolean sameResponsibilityAs(Assignment other) {
        return other != null
                && organisationId.equals(other.organisationId)
                && Objects.equals(contactPersonId(), other.contactPersonId())
                && Objects.equals(legacyContact, other.legacyContact);
    }
}
