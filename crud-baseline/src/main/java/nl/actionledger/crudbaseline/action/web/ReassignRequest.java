package nl.actionledger.crudbaseline.action.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** @param contact optional: the person at the organisation, if one is named */
record ReassignRequest(
        @NotBlank @Size(max = 200) String organisation,
        @Size(max = 200) String contact,
        @NotBlank @Size(max = 2000) String reason) {}
