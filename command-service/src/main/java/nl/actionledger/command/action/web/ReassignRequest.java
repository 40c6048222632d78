package nl.actionledger.command.action.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** @param contact optional: the person at the organisation, if one is named */
record ReassignRequest(
        @NotBlank @Size(max = 200)
        @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.CONTROL_CHARACTERS) String organisation,
        @Size(max = 200)
        @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.CONTROL_CHARACTERS) String contact,
        @NotBlank @Size(max = 2000)
        @Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.CONTROL_CHARACTERS) String reason) {
}
