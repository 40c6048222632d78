package nl.actionledger.command.action.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer to an accepted change: the action and the version the change gave it. */
record CommandAccepted(
        @Schema(example = "eu-wap-nl") String planId,
        @Schema(example = "28") String actionId,

        @Schema(description = "The action's version after the change: its ETag", example = "2")
        long version) {}
