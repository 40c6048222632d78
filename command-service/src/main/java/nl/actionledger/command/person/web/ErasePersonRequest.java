package nl.actionledger.command.person.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.actionledger.command.action.web.TextRules;

/** @param reason why the person is erased (a request under the GDPR, a correction), kept in the erasure's event */
record ErasePersonRequest(
        @Schema(example = "Request for erasure under article 17 GDPR, received on 2026-11-02.")
        @NotBlank
        @Size(max = 2000)
        @Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.CONTROL_CHARACTERS)
        String reason) {}
