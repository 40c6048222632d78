package nl.actionledger.command.person;

import java.util.Optional;

/**
 * The contact persons that assignments name, each with the key their name is sealed under. A person is a name at an
 * organisation: the same name (exactly, after stripping) at the same organisation is the same person, until erased.
 */
public interface PersonDirectory {

    /**
     * The person named so at the organisation, made (a random id, a new key) when none is. Inside the command's
     * transaction: when the command is refused or fails, the new person is not kept.
     */
    NamedPerson personFor(String organisationId, String name);

    /** The key of a person, empty when there is no such person or they were erased. */
    Optional<byte[]> keyOf(String personId);

    /** Deletes the person's key; the database accepts it only with the person's erasure event in the same transaction. */
    void deleteKey(String personId);

    record NamedPerson(String personId, byte[] key) {}
}
