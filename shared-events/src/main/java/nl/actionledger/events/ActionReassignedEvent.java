package nl.actionledger.events;

import org.axonframework.serialization.Revision;

/**
 * The responsible organisation or contact of an action changed.
 * <p>
 * Revision 3 names the contact person by a {@link SealedContact} (a person id and the name sealed under that person's
 * key), so the name can be erased without changing the event. Revision 2 held the contact's name in clear text
 * ({@code "contact": "J. Jansen"}), revision 1 also named the organisation in free text ({@code "organisation": "NVWA"});
 * both are read as revision 3 through an upcaster, the stored bytes unchanged, their clear-text contact as
 * {@link Assignment#legacyContact()}.
 *
 * @param previousAssignment {@code null} while the action had never been assigned; a previous contact named in clear
 *                           text (before revision 3) is not copied into a new event: only its organisation is
 */
@Revision("3")
public record ActionReassignedEvent(
        ActionRef action, Assignment previousAssignment, Assignment newAssignment, String reason) {}
