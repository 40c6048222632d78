package nl.actionledger.query.organisation;

import io.swagger.v3.oas.annotations.media.Schema;
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
public record OrganisationView(
        @Schema(example = "nvwa") String id,

        @Schema(example = "Nederlandse Voedsel- en Warenautoriteit")
        String displayName,

        @Schema(example = "[\"NVWA\"]") List<String> aliases,
        @Schema(example = "0") long version,
        @Schema(example = "2026-01-05T09:00:00Z") Instant registeredAt,
        @Schema(example = "2026-01-05T09:00:00Z") Instant lastChangedAt) {}
