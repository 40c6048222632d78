package nl.actionledger.command.action.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.actionledger.events.ImplementationStatus;

record ChangeStatusRequest(
        @Schema(example = "IN_PROGRESS") @NotNull ImplementationStatus status,

        @Schema(example = "Kick-off held with the NVWA and the Douane; the pilot of the detection app starts in May.")
        @NotBlank
        @Size(max = 2000)
        @Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.CONTROL_CHARACTERS)
        String reason) {}
