package nl.actionledger.crudbaseline.action.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** @param timeframe stored as the text given: this service does not interpret it */
record ReviseTimeframeRequest(
        @NotBlank @Size(max = 100) String timeframe,
        @NotBlank @Size(max = 2000) String reason) {}
