package nl.actionledger.command.action.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * @param contact optional: the person at the organisation, if one is named (the same name at the same organisation is
 *                the same person); never {@code [erased]}, the text that stands for an erased contact in the audit trail
 */
record ReassignRequest(
        @Schema(description = "The organisation's id or one of its names", example = "nvwa")
        @NotBlank
        @Size(max = 200)
        @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.CONTROL_CHARACTERS)
        String organisation,

        @Schema(example = "Team Handhaving CITES")
        @Size(max = 200)
        @Pattern.List({
            @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.CONTROL_CHARACTERS),
            @Pattern(
                    regexp = "(?!\\s*\\[erased]\\s*$).*",
                    flags = Pattern.Flag.CASE_INSENSITIVE,
                    message = "must not be [erased], which marks an erased contact")
        })
        String contact,

        @Schema(example = "The NVWA runs the CITES inspections at Schiphol.")
        @NotBlank
        @Size(max = 2000)
        @Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.CONTROL_CHARACTERS)
        String reason) {}
