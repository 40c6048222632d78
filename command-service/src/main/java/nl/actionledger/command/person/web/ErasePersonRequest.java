package nl.actionledger.command.person.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.actionledger.command.action.web.TextRules;

/** @param reason why the person is erased (a request under the GDPR, a correction), kept in the erasure's event */
record ErasePersonRequest(
        @NotBlank @Size(max = 2000)
        @Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.CONTROL_CHARACTERS)
        String reason) {
}
