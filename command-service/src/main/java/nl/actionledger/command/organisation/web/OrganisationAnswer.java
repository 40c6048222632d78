package nl.actionledger.command.organisation.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** An organisation as an accepted definition left it, with its version (also the ETag). */
record OrganisationAnswer(
        @Schema(example = "lvvn") String id,

        @Schema(example = "Ministerie van Landbouw, Visserij, Voedselzekerheid en Natuur")
        String displayName,

        @Schema(example = "[\"LNV\", \"LVVN\"]") List<String> aliases,
        @Schema(example = "1") long version) {}
