package nl.actionledger.query.rebuild;

import java.time.Instant;

/**
 * A rebuild done in bulk on this instance, as the admin API shows it.
 *
 * @param events     the events it loaded
 * @param seconds    how long it took, from the first page read to the tokens set back
 * @param finishedAt when it ended
 */
public record BulkRun(long events, double seconds, Instant finishedAt) {}
