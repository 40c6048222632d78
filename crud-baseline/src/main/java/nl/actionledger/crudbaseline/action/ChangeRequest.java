package nl.actionledger.crudbaseline.action;

import nl.actionledger.crudbaseline.security.CurrentUser;

/**
 * What every change carries besides its new values.
 *
 * @param expectedVersion the version from {@code If-Match}, or {@code null} when any version will do
 */
public record ChangeRequest(String planId, String actionId, String reason, Long expectedVersion, CurrentUser user) {}
