package nl.actionledger.command.action.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** @param timeframe in the table's words ({@code Vanaf 2025}) or in English ({@code from 2025}) */
record ReviseTimeframeRequest(
        @NotBlank @Size(max = 100)
        @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.CONTROL_CHARACTERS) String timeframe,
        @NotBlank @Size(max = 2000)
        @Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.CONTROL_CHARACTERS) String reason) {
}
