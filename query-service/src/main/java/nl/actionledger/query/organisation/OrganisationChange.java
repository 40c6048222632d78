package nl.actionledger.query.organisation;

import java.time.Instant;
import java.util.List;

/** What one organisation event says, as the projection keeps it until its batch is written. */
record OrganisationChange(String organisationId, String displayName, List<String> aliases, long version, Instant at,
                          boolean registers) {
}
