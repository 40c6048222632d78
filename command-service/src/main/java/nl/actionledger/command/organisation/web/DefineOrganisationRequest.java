package nl.actionledger.command.organisation.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import nl.actionledger.command.action.web.TextRules;

/**
 * An organisation's definition as an admin sends it; the id is in the address.
 *
 * @param aliases other names it goes by ({@code ["LNV"]}), possibly none; ASCII letters, digits, spaces and
 *                {@code . , & ' ( ) / -} only, so that no alias can look like another
 */
record DefineOrganisationRequest(
        @Schema(example = "Ministerie van Landbouw, Visserij, Voedselzekerheid en Natuur")
        @NotBlank
        @Size(max = 200)
        @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.CONTROL_CHARACTERS)
        String displayName,

        @Schema(example = "[\"LNV\", \"LVVN\"]") @NotNull @Size(max = 20)
        List<@NotBlank @Size(max = 100) String> aliases,

        @Schema(example = "The ministry's new name since July 2024.")
        @NotBlank
        @Size(max = 2000)
        @Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.CONTROL_CHARACTERS)
        String reason) {}
