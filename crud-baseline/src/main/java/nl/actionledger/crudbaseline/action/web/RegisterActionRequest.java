package nl.actionledger.crudbaseline.action.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.actionledger.crudbaseline.action.ImplementationStatus;

/** @param timeframe as the plan gives it; may be empty (some actions have none) */
record RegisterActionRequest(
        @NotNull ImplementationStatus status,
        @NotNull @Size(max = 100) String timeframe,
        @NotBlank @Size(max = 2000) String reason) {}
