package nl.actionledger.query.audit;

import java.util.List;

/**
 * A page of an audit search across the plan, newest (highest position) first.
 *
 * @param next the address of the next (older) page, with the same criteria and size, also sent as
 *             {@code Link: <...>; rel="next"}; {@code null} on the last page
 */
record AuditSearchPage(int size, List<AuditEntryView> entries, String next) {}
