package nl.actionledger.query.organisation;

import java.time.Instant;
import java.util.List;

/**
 * An organisation of the list that actions are assigned to.
 *
 * @param id          what assignments, views, reports and filters name it by
 * @param displayName the name people read
 * @param aliases     other names it goes by, which command-service accepts for it
 * @param version     the version of its last change (0: as registered)
 */
public record OrganisationView(String id, String displayName, List<String> aliases, long version,
                               Instant registeredAt, Instant lastChangedAt) {
}
