package nl.actionledger.query.admin;

import java.time.Instant;
import nl.actionledger.query.rebuild.BulkRun;

/**
 * Where one projection stands.
 *
 * @param position             the lowest position of its segments, here or in the token table (null before the first event)
 * @param head                 the highest global index in the event table
 * @param lag                  events between position and head
 * @param replayingInBulkOn    while a bulk rebuild of it runs: the instance that runs it (Axon's owner name, pid@host);
 *                             every instance shows it, and its position is that rebuild's
 * @param segments             how many segments the projection has; {@code segmentsHere} are claimed by this instance
 * @param eventsPerSecond      while replaying: the speed since the replay began
 * @param secondsLeft          while replaying: at that speed, until it reaches the head
 * @param lastBulkRebuild      the last rebuild of the projection done in bulk on this instance (null if none)
 */
record ProjectionStatus(
        String name,
        Long position,
        long head,
        Long lag,
        boolean replaying,
        String replayingInBulkOn,
        int segments,
        int segmentsHere,
        Instant replayStartedAt,
        Double eventsPerSecond,
        Long secondsLeft,
        BulkRun lastBulkRebuild) {}
