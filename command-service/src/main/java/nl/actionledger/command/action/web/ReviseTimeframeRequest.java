package nl.actionledger.command.action.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** @param timeframe in the table's words ({@code Vanaf 2025}) or in English ({@code from 2025}) */
record ReviseTimeframeRequest(
        @Schema(
                description =
                        "As the plan's table writes it (Doorlopend, Gereed, Vanaf 2025, 2024 - 2025, n.t.b.) or in "
                                + "English (ongoing, from 2025)",
                example = "Vanaf 2026")
        @NotBlank
        @Size(max = 100)
        @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.CONTROL_CHARACTERS)
        String timeframe,

        @Schema(example = "The study is delayed until the new enforcement budget is known.")
        @NotBlank
        @Size(max = 2000)
        @Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.CONTROL_CHARACTERS)
        String reason) {}
