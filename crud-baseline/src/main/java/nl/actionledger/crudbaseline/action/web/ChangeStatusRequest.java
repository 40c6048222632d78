package nl.actionledger.crudbaseline.action.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.actionledger.crudbaseline.action.ImplementationStatus;

record ChangeStatusRequest(
        @NotNull ImplementationStatus status,
        @NotBlank @Size(max = 2000) String reason) {}
