package nl.actionledger.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import nl.actionledger.tooling.EventRows;

/**
 * What the same PostgreSQL does without the ledger in front of it, for the ratios: single-row INSERT + COMMIT into a
 * table of the event table's shape (its columns, keys and unique indexes, none of its triggers; the hash column gets
 * a constant of the same size) at the write test's
 * concurrency, and one sequential read of the whole event table.
 */
final class RawLimits {

    private static final byte[] SHA_256_SIZED = new byte[32];

    private RawLimits() {}

    static InsertResult insertAndCommit(
            BenchmarkDatabase database, int connections, Duration duration, EventRows.Row sample)
            throws InterruptedException {
        database.execute("DROP SCHEMA IF EXISTS bench_raw CASCADE");
        database.execute("CREATE SCHEMA bench_raw");
        database.execute("CREATE TABLE bench_raw.raw_event (LIKE event_store.domain_event_entry INCLUDING ALL)");
        database.execute("CREATE SEQUENCE bench_raw.raw_event_seq INCREMENT BY 1 CACHE 1");
        database.execute("ALTER TABLE bench_raw.raw_event ALTER COLUMN global_index "
                + "SET DEFAULT nextval('bench_raw.raw_event_seq')");
        AtomicLong inserted = new AtomicLong();
        Latencies latencies = new Latencies();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int c = 0; c < connections; c++) {
            String aggregate = "raw/" + c;
            Thread thread = new Thread(
                    () -> {
                        try (Connection connection = database.connect();
                                PreparedStatement insert = connection.prepareStatement("""
                             INSERT INTO bench_raw.raw_event (event_identifier, aggregate_identifier, sequence_number,
                                 type, time_stamp, payload_type, payload_revision, payload, meta_data, event_hash)
                             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                            connection.setAutoCommit(true);
                            for (long sequence = 0; System.nanoTime() < end; sequence++) {
                                long before = System.nanoTime();
                                insert.setString(1, UUID.randomUUID().toString());
                                insert.setString(2, aggregate);
                                insert.setLong(3, sequence);
                                insert.setString(4, EventRows.AGGREGATE_TYPE);
                                insert.setString(5, sample.timestamp());
                                insert.setString(6, sample.payloadType());
                                insert.setString(7, sample.payloadRevision());
                                insert.setBytes(8, sample.payload());
                                insert.setBytes(9, sample.metadata());
                                insert.setBytes(10, SHA_256_SIZED);
                                insert.executeUpdate();
                                latencies.add(System.nanoTime() - before);
                                inserted.incrementAndGet();
                            }
                        } catch (SQLException e) {
                            failures.add(e);
                        }
                    },
                    "raw-insert-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        database.execute("DROP SCHEMA bench_raw CASCADE");
        if (!failures.isEmpty()) {
            throw new IllegalStateException("The raw INSERT test failed", failures.get(0));
        }
        return new InsertResult(connections, inserted.get(), seconds, latencies.summary());
    }

    /** Reads every column of every event in order, as a processor's stream does, and discards it. */
    static ReadResult sequentialRead(BenchmarkDatabase database) throws SQLException {
        long start = System.nanoTime();
        long rows = 0;
        long bytes = 0;
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                           payload_type, payload_revision, payload, meta_data
                    FROM event_store.domain_event_entry ORDER BY global_index""")) {
                select.setFetchSize(10_000);
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        rows++;
                        result.getLong(1);
                        bytes += result.getString(2).length()
                                + result.getString(3).length()
                                + result.getString(6).length();
                        result.getLong(4);
                        result.getString(5);
                        result.getString(7);
                        result.getString(8);
                        bytes += result.getBytes(9).length + result.getBytes(10).length;
                    }
                }
            }
            connection.commit();
        }
        return new ReadResult(rows, bytes, (System.nanoTime() - start) / 1e9);
    }

    record InsertResult(int connections, long inserted, double seconds, Latencies.Summary latency) {

        double perSecond() {
            return inserted / seconds;
        }
    }

    record ReadResult(long rows, long bytes, double seconds) {

        double rowsPerSecond() {
            return rows / seconds;
        }
    }
}
