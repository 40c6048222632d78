package nl.actionledger.events;

import java.util.Objects;

/** Who is responsible for an action: an organisation, and optionally a contact person there. */
public record Assignment(String organisation, String contact) {

    public Assignment {
        Objects.requireNonNull(organisation, "organisation");
    }
}
