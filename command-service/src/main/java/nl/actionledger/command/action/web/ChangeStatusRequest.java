package nl.actionledger.command.action.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.actionledger.events.ImplementationStatus;

record ChangeStatusRequest(
        @NotNull ImplementationStatus status,
        @NotBlank @Size(max = 2000)
        @Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.CONTROL_CHARACTERS) String reason) {
}
