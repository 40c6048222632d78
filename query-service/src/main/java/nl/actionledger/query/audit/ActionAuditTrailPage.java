package nl.actionledger.query.audit;

import java.util.List;

/**
 * A page of one action's audit trail, newest first.
 *
 * @param next the address of the next (older) page, also sent as {@code Link: <...>; rel="next"}; {@code null} on the
 *             last page
 */
record ActionAuditTrailPage(String planId, String actionId, int size, List<AuditEntryView> entries, String next) {}
