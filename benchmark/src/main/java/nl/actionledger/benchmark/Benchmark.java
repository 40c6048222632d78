package nl.actionledger.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.actionledger.events.ActionRef;
import nl.actionledger.events.ActionStatusChangedEvent;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.tooling.EventRows;
import nl.actionledger.tooling.OwnedAction;
import nl.actionledger.tooling.TokenIssuer;

/**
 * Measures Action Ledger as it runs in production (both services in their own JVMs, JWT sign-in, one durable
 * PostgreSQL 17) against what that PostgreSQL does on the same machine and what a plain CRUD service with an audit
 * table does under the same write load ({@link CrudBaseline}), and prints and writes every figure.
 * See BENCHMARKS.md for what each figure means.
 */
public final class Benchmark {

    private static final Duration PROJECTIONS_TIMEOUT = Duration.ofMinutes(60);
    private static final String ISSUER = "https://benchmark.invalid/issuer";

    static {
        // The JDK's HTTP client keeps an idle connection for 1,200 s, the services' Tomcat closes one after 60 s. A
        // request sent on a pooled connection just as Tomcat closes it gets no answer: in the full run of badfa7c the
        // auditors' first request, 60 s after the last query, met one such. The client closes idle connections first.
        if (System.getProperty("jdk.httpclient.keepalive.timeout") == null) {
            System.setProperty("jdk.httpclient.keepalive.timeout", "30");
        }
    }

    private final BenchmarkSettings settings;
    private final Figures figures = new Figures();

    private Benchmark(BenchmarkSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        BenchmarkSettings settings = BenchmarkSettings.parse(args);
        Figures figures = new Benchmark(settings).run();
        System.out.println(figures.table());
        System.out.println("Every figure: " + settings.output());
    }

    /** Runs every measurement and returns the figures (also written to the settings' output file). */
    static Figures run(BenchmarkSettings settings) throws Exception {
        return new Benchmark(settings).run();
    }

    private Figures run() throws Exception {
        System.out.printf(
                "Action Ledger benchmark, %s mode: %,d events, %d writers for %ss%n",
                settings.mode(),
                settings.events(),
                settings.writers(),
                settings.writeDuration().toSeconds());
        figures.put("date", Instant.now().toString());
        figures.put("machine", Figures.machine());
        figures.put("settings", settings.asFigures());
        try (BenchmarkDatabase database = BenchmarkDatabase.start(
                settings.workDir().resolve("postgres"), settings.workDir().resolve("logs"))) {
            figures.put("postgresql", database.describe());
            TokenIssuer issuer = TokenIssuer.create(settings.workDir(), ISSUER);
            try (CrudBaseline baseline = settings.measuresBaseline() ? startCrudBaseline(database, issuer) : null) {
                runActionLedger(database, issuer, baseline);
            }
        }
        figures.write(settings.output());
        return figures;
    }

    private void runActionLedger(BenchmarkDatabase database, TokenIssuer issuer, CrudBaseline baseline)
            throws Exception {
        Map<String, String> environment = new HashMap<>(database.serviceEnvironment());
        environment.putAll(issuer.serviceEnvironment());
        int commandPort = freePort();
        int queryPort = freePort();
        environment.put("COMMAND_PORT", Integer.toString(commandPort));
        environment.put("QUERY_PORT", Integer.toString(queryPort));
        // Each writer is one user changing as fast as it can: the per-user limit would measure itself.
        environment.put("CHANGE_RATE_LIMIT_PER_MINUTE", "0");
        System.out.println("Starting command-service and query-service (heap " + settings.heap() + ") ...");
        try (ServiceUnderTest command = ServiceUnderTest.start(
                        "command-service",
                        settings.commandJar(),
                        commandPort,
                        settings.heap(),
                        environment,
                        settings.workDir().resolve("logs"));
                ServiceUnderTest query = ServiceUnderTest.start(
                        "query-service",
                        settings.queryJar(),
                        queryPort,
                        settings.heap(),
                        environment,
                        settings.workDir().resolve("logs"))) {
            LedgerClient client = new LedgerClient(command.baseUrl(), query.baseUrl());
            if (settings.compareQueryJar() != null) {
                List<ServiceUnderTest> started = new ArrayList<>(List.of(query));
                ReplayComparison.Starter starter = jar -> {
                    started.get(started.size() - 1).close();
                    started.add(ServiceUnderTest.start(
                            "query-service",
                            jar,
                            queryPort,
                            settings.heap(),
                            environment,
                            settings.workDir().resolve("logs/" + started.size())));
                    return started.get(started.size() - 1);
                };
                try {
                    compareReplays(database, issuer, client, command, starter);
                } finally {
                    started.forEach(ServiceUnderTest::close);
                }
            } else if (settings.compareCommandJar() != null) {
                compareCommands(database, issuer, environment, command, query);
            } else if (settings.replayOnly()) {
                measureReplayOnly(database, issuer, client, command, query);
            } else {
                measure(database, issuer, client, command, query, baseline);
            }
        }
    }

    /**
     * First, before Action Ledger's services start: the CRUD baseline, started and warmed up alone. It is measured
     * later, in Action Ledger's write test, window by window in turn with Action Ledger.
     */
    private CrudBaseline startCrudBaseline(BenchmarkDatabase database, TokenIssuer issuer) throws Exception {
        System.out.println("CRUD baseline (Spring MVC, Hibernate, Envers audit table; heap " + settings.heap()
                + "): started, warm-up " + settings.warmUp().toSeconds() + " s (not measured) ...");
        return CrudBaseline.start(settings, database, issuer);
    }

    private void measure(
            BenchmarkDatabase database,
            TokenIssuer issuer,
            LedgerClient client,
            ServiceUnderTest command,
            ServiceUnderTest query,
            CrudBaseline crudBaseline)
            throws Exception {
        String admin = issuer.admin("bench-admin");
        Projections projections = new Projections(client, admin);
        projections.awaitCaughtUp(Duration.ofMinutes(2));

        PlanActions plan = PlanActions.assign(client, issuer, admin, settings.writers());
        projections.awaitCaughtUp(Duration.ofMinutes(2));
        SerializationCheck.verify(database, OwnedAction.PLAN + "/" + plan.probe().actionId);
        figures.put(
                "serializationCheck",
                "passed: events the generator writes are byte for byte those command-service writes");
        System.out.println("Serialization check passed: the generator writes events exactly as command-service does.");

        System.out.println("Raw INSERT + COMMIT limit ...");
        EventRows.Row sample = sampleRow();
        CpuUsage cpu = new CpuUsage(database, command, query);
        CpuUsage.Snapshot beforeRawInsert = cpu.now();
        RawLimits.InsertResult rawInsert =
                RawLimits.insertAndCommit(database, settings.writers(), settings.writeDuration(), sample);
        CpuUsage.Usage cpuUsedByRawInsert = cpu.now().since(beforeRawInsert);
        System.out.printf(
                "  %,.0f inserts/s over %d connections (%s)%n  CPU per insert in ms: %s%n",
                rawInsert.perSecond(),
                rawInsert.connections(),
                rawInsert.latency(),
                cpuUsedByRawInsert.millisecondsPer(rawInsert.inserted()));
        figures.put("cpuPerRawInsertMs", cpuUsedByRawInsert.millisecondsPer(rawInsert.inserted()));

        LagProbe probe = new LagProbe(client, plan.probe(), database);
        System.out.println("Projection lag at rest ...");
        Latencies lagAtRest = probe.measure(settings.lagSamples(), Duration.ofMillis(50), Long.MAX_VALUE);
        System.out.println("  " + lagAtRest.summary());

        WriteLoad load = new WriteLoad(client, plan.writerActions());
        System.out.println(
                "Warming up the services' JIT for " + settings.warmUp().toSeconds() + " s (not measured) ...");
        load.run(settings.warmUp(), 0);
        System.out.printf(
                "Write throughput, %d coordinators as fast as they can, Action Ledger and the CRUD baseline "
                        + "in turn, %d windows of %.1f s each ...%n",
                settings.writers(),
                settings.writeWindows(),
                settings.writeWindow().toMillis() / 1000.0);
        // the warm-ups' dirty pages are written now, not in a measured window
        database.execute("CHECKPOINT");
        StatementProfile ledgerStatements = StatementProfile.allBut(database, CrudBaseline.DATABASE);
        StatementProfile baselineStatements = StatementProfile.onlyOf(database, CrudBaseline.DATABASE);
        ledgerStatements.reset();
        Latencies lagAtFullLoad = new Latencies();
        int lagSamplesPerWindow = Math.max(1, settings.lagSamples() / settings.writeWindows());
        InterleavedWrites.Side ledger = new InterleavedWrites.Side("Action Ledger", cpu::now, (duration, latencies) -> {
            Thread lagProbe = probe.measureInBackground(
                    lagSamplesPerWindow, Duration.ofMillis(100), System.nanoTime() + duration.toNanos(), lagAtFullLoad);
            WriteLoad.Result writes = load.run(duration, 0, latencies);
            lagProbe.join();
            // what the projections still have to do is this window's work, not the baseline's next one
            projections.awaitCaughtUp(Duration.ofMinutes(2));
            return writes;
        });
        InterleavedWrites.Result interleaved =
                InterleavedWrites.run(ledger, crudBaseline.asSide(), settings.writeWindows(), settings.writeWindow());
        WriteLoad.Result throughput = interleaved.ledger().writes();
        CpuUsage.Usage cpuUsedByWrites = interleaved.ledger().cpu();
        StatementProfile.Result statements = ledgerStatements.read(throughput.accepted());
        CrudBaseline.Result baseline = crudBaseline.finish(
                interleaved.baseline(),
                baselineStatements.read(interleaved.baseline().writes().accepted()));
        printWrites(
                "CRUD baseline", baseline.writes().writes(), baseline.writes().cpu(), baseline.statements());
        System.out.println("  Audit trail check " + baseline.auditTrailCheck());
        figures.put("crudBaseline", baseline.asFigures());
        printWrites("Action Ledger", throughput, cpuUsedByWrites, statements);
        System.out.printf(
                "  lag meanwhile %s%n  %.2f x the CRUD baseline's accepted changes/s (median of the pairs of "
                        + "windows)%n",
                lagAtFullLoad.summary(), interleaved.rateRatio());
        figures.put("postgresqlStatementsDuringWrites", statements.asFigures());
        Map<String, Object> cpuDuringWrites = cpuUsedByWrites.cores();

        double halfRate = throughput.acceptedPerSecond() / 2;
        System.out.printf("Projection lag at half the maximum write load (%,.0f changes/s) ...%n", halfRate);
        Latencies lagAtHalfLoad = new Latencies();
        Thread halfLoadProbe = probe.measureInBackground(
                settings.lagSamples(),
                Duration.ofMillis(100),
                System.nanoTime() + settings.writeDuration().toNanos(),
                lagAtHalfLoad);
        WriteLoad.Result halfLoad = load.run(settings.writeDuration(), halfRate);
        halfLoadProbe.join();
        System.out.printf(
                "  offered %,.0f/s, accepted %,.0f/s; lag %s%n",
                halfRate, halfLoad.acceptedPerSecond(), lagAtHalfLoad.summary());

        System.out.println("Contention: " + settings.contenders() + " writers on one action with If-Match ...");
        Contention.Result contention = Contention.run(
                client,
                database,
                plan.contended().actionId,
                plan.contended().token,
                settings.contenders(),
                settings.contentionAttempts());
        System.out.printf(
                "  %d accepted, %d refused with 412, %d other; version %d -> %d: %s%n",
                contention.accepted(),
                contention.preconditionFailed(),
                contention.otherAnswers(),
                contention.startVersion(),
                contention.finalVersion(),
                contention.noLostUpdate() ? "no update lost" : "UPDATES LOST");

        HistoryGenerator.GeneratedHistory history = generateHistory(database);
        Map<String, Object> cpuDuringReplay = new LinkedHashMap<>();
        settleHistory(database, client, issuer.auditor("bench-auditor"));
        Projections.ReplayResult replay = replay(database, projections, cpu, cpuDuringReplay);
        figures.put("projectionsAfterReplay", ProjectionCheck.verify(database, "after the replay"));
        System.out.println("Reads at " + String.format("%,d", replay.events()) + " events ...");
        Map<String, String> questions = Reads.questions(history);
        Map<String, Latencies.Summary> reads =
                Reads.measure(client, issuer.auditor("bench-auditor"), questions, settings.readSamples());
        reads.forEach((name, summary) -> System.out.println("  " + name + ": " + summary));
        System.out.println("Auditors' whole-table checks at " + String.format("%,d", replay.events()) + " events ...");
        Map<String, Object> integrity =
                IntegrityChecks.measure(client, issuer.auditor("bench-auditor"), settings.readSamples());
        figures.put("integrityChecks", integrity);
        AuditorsUnderWriteLoad.Result auditors = AuditorsUnderWriteLoad.measure(
                client, issuer, load, halfRate, settings.writeDuration(), command, query);
        figures.put("auditorsUnderWriteLoad", auditors.asFigures());

        // Last, with the projections caught up and idle: the limit is what PostgreSQL reads with the machine to itself.
        System.out.println("Raw sequential read of the event table ...");
        RawLimits.ReadResult rawRead = RawLimits.sequentialRead(database);
        System.out.printf(
                "  %,d rows in %.1f s: %,.0f rows/s%n", rawRead.rows(), rawRead.seconds(), rawRead.rowsPerSecond());

        figures.put("cpuDuringWriteThroughput", cpuDuringWrites);
        figures.put("cpuDuringReplay", cpuDuringReplay);
        record(
                rawInsert,
                rawRead,
                interleaved,
                baseline,
                halfLoad,
                halfRate,
                lagAtRest,
                lagAtHalfLoad,
                lagAtFullLoad,
                contention,
                history,
                replay,
                questions,
                reads,
                integrity,
                command,
                query);
        auditors.addTargets(figures);
    }

    /**
     * The rebuild alone ({@code --only=replay}), for work on it: its rate, its CPU, and its result checked against the
     * projections the event handlers built from the same history (the processor catches up first, unmeasured).
     */
    private static void printWrites(
            String system, WriteLoad.Result writes, CpuUsage.Usage cpu, StatementProfile.Result statements) {
        System.out.printf(
                "  %s: %,.0f accepted changes/s, %d failed (%s)%n  CPU in cores: %s%n"
                        + "  CPU per accepted change in ms: %s%n  PostgreSQL's share by task: %s%n%s",
                system,
                writes.acceptedPerSecond(),
                writes.failed(),
                writes.latency(),
                cpu.cores(),
                cpu.millisecondsPer(writes.accepted()),
                cpu.postgresqlMillisecondsPer(writes.accepted()),
                statements.describe());
    }

    private void measureReplayOnly(
            BenchmarkDatabase database,
            TokenIssuer issuer,
            LedgerClient client,
            ServiceUnderTest command,
            ServiceUnderTest query)
            throws Exception {
        Projections projections = new Projections(client, issuer.admin("bench-admin"));
        Map<String, String> handled = historyHandledEventByEvent(database, issuer, client, projections);
        Map<String, Object> cpuDuringReplay = new LinkedHashMap<>();
        Projections.ReplayResult replay =
                replay(database, projections, new CpuUsage(database, command, query), cpuDuringReplay);
        figures.put(
                "replay",
                Map.of(
                        "events",
                        replay.events(),
                        "seconds",
                        replay.seconds(),
                        "eventsPerSecond",
                        replay.eventsPerSecond()));
        figures.put("cpuDuringReplay", cpuDuringReplay);
        figures.put("projectionsAfterReplay", ProjectionCheck.verify(database, "after the replay"));
        Map<String, String> rebuilt = ProjectionCheck.checksums(database);
        if (!rebuilt.equals(handled)) {
            throw new IllegalStateException("The replay did not end in the state the event handlers built: before "
                    + handled + ", after " + rebuilt);
        }
        figures.put("checksumsAfterReplay", "equal to those of the projections the event handlers built: " + rebuilt);
        System.out.println("  Every projection table's checksum equals the one the event handlers built: " + rebuilt);
    }

    /**
     * The generated history, handled by the processor event by event (not measured) and settled as before a timed
     * replay.
     *
     * @return the checksums of the projection tables the event handlers built, which every replay must reproduce
     */
    private Map<String, String> historyHandledEventByEvent(
            BenchmarkDatabase database, TokenIssuer issuer, LedgerClient client, Projections projections)
            throws Exception {
        projections.awaitCaughtUp(Duration.ofMinutes(2));
        generateHistory(database);
        System.out.println("Waiting for the projections to handle the history event by event (not measured) ...");
        projections.awaitCaughtUp(PROJECTIONS_TIMEOUT);
        Map<String, String> handled = ProjectionCheck.checksums(database);
        settleHistory(database, client, issuer.auditor("bench-auditor"));
        return handled;
    }

    /** Two builds' write paths, taking turns ({@link CommandComparison}); the second build on a port of its own. */
    private void compareCommands(
            BenchmarkDatabase database,
            TokenIssuer issuer,
            Map<String, String> environment,
            ServiceUnderTest command,
            ServiceUnderTest query)
            throws Exception {
        int portOfB = freePort();
        Map<String, String> environmentOfB = new HashMap<>(environment);
        environmentOfB.put("COMMAND_PORT", Integer.toString(portOfB));
        try (ServiceUnderTest commandB = ServiceUnderTest.start(
                "command-service",
                settings.compareCommandJar(),
                portOfB,
                settings.heap(),
                CommandComparison.javaOptionsOfB(settings),
                environmentOfB,
                settings.workDir().resolve("logs/b"))) {
            figures.put(
                    "commandComparison",
                    new CommandComparison(settings, database, issuer).compare(command, commandB, query));
        }
    }

    /** Two builds' rebuilds of one history, taking turns ({@link ReplayComparison}). */
    private void compareReplays(
            BenchmarkDatabase database,
            TokenIssuer issuer,
            LedgerClient client,
            ServiceUnderTest command,
            ReplayComparison.Starter starter)
            throws Exception {
        Map<String, String> handled = historyHandledEventByEvent(
                database, issuer, client, new Projections(client, issuer.admin("bench-admin")));
        System.out.printf(
                "Replays of two builds of query-service, in turns (A: %s, B: %s) ...%n",
                settings.queryJar(), settings.compareQueryJar());
        figures.put(
                "replayComparison",
                new ReplayComparison(database, command, issuer.admin("bench-admin"), starter, handled)
                        .compare(settings.queryJar(), settings.compareQueryJar(), settings.compareRounds()));
    }

    private HistoryGenerator.GeneratedHistory generateHistory(BenchmarkDatabase database) throws Exception {
        System.out.printf("Generating a history of %,d events ...%n", settings.events());
        HistoryGenerator.GeneratedHistory history =
                new HistoryGenerator(settings.events(), settings.seed()).appendTo(database);
        System.out.printf(
                "  %,d events in %.0f s; busiest action %s (%,d events)%n",
                history.events(), history.seconds(), history.busiestAction(), history.busiestActionEvents());
        return history;
    }

    /**
     * Leaves the generated history, before the replay is timed, as years of use would have left it: vacuumed, as
     * autovacuum would have done long before (right after a bulk insert it would do so during the replay), and read by
     * the background verification of the hash chains, which verifies what was appended since its last pass once a minute
     * and would otherwise read the whole new history beside the replay (in the run of {@code d869f74} it read 370,000
     * events during it). A history appended within two minutes is the benchmark's shortcut; a replay in production
     * meets a verified, vacuumed event table.
     */
    private void settleHistory(BenchmarkDatabase database, LedgerClient client, String auditorToken)
            throws InterruptedException {
        long start = System.nanoTime();
        database.execute("VACUUM (ANALYZE) event_store.domain_event_entry");
        double vacuumSeconds = (System.nanoTime() - start) / 1e9;
        long head = database.queryLong("SELECT coalesce(max(global_index), 0) FROM event_store.domain_event_entry");
        long waitStart = System.nanoTime();
        long verifiedUpTo = verifiedUpTo(client, auditorToken);
        while (verifiedUpTo < head
                && System.nanoTime() - waitStart < settings.verificationWait().toNanos()) {
            Thread.sleep(500);
            verifiedUpTo = verifiedUpTo(client, auditorToken);
        }
        double waitSeconds = (System.nanoTime() - waitStart) / 1e9;
        Map<String, Object> settled = new LinkedHashMap<>();
        settled.put("vacuumSeconds", Figures.round(vacuumSeconds));
        settled.put("head", head);
        settled.put("verifiedUpTo", verifiedUpTo);
        settled.put("verificationWaitSeconds", Figures.round(waitSeconds));
        figures.put("beforeReplay", settled);
        System.out.printf(
                "Before the replay (not measured): the event table vacuumed in %.1f s; %s%n",
                vacuumSeconds,
                verifiedUpTo >= head
                        ? String.format("the background verification at the head after %.1f s", waitSeconds)
                        : String.format(
                                "the background verification at %,d of %,d after %.1f s (--verification-wait)",
                                verifiedUpTo, head, waitSeconds));
    }

    private static long verifiedUpTo(LedgerClient client, String auditorToken) {
        return client.query(auditorToken, IntegrityChecks.VERIFY)
                .requireOk(IntegrityChecks.VERIFY)
                .json()
                .path("position")
                .asLong(0);
    }

    /**
     * The replay is the projections' first complete build of the generated history: the processors that were running
     * while it was written are reset to the first event, so the history is processed once, not twice.
     *
     * @param cpuDuringReplay receives the cores each process used meanwhile
     */
    private Projections.ReplayResult replay(
            BenchmarkDatabase database, Projections projections, CpuUsage cpu, Map<String, Object> cpuDuringReplay)
            throws Exception {
        System.out.println("Replay of every projection ...");
        StatementProfile profile = new StatementProfile(database);
        profile.reset();
        CpuUsage.Snapshot beforeReplay = cpu.now();
        Projections.ReplayResult replay = projections.replayAll(PROJECTIONS_TIMEOUT);
        CpuUsage.Usage used = cpu.now().since(beforeReplay);
        StatementProfile.Result statements = profile.read(replay.events());
        cpuDuringReplay.putAll(used.cores());
        figures.put("postgresqlStatementsDuringReplay", statements.asFigures());
        System.out.printf(
                "  %,d events in %.1f s: %,.0f events/s %s%n  CPU in cores: %s%n"
                        + "  CPU per 1,000 events in ms: %s%n  PostgreSQL's share by task: %s%n%s",
                replay.events(),
                replay.seconds(),
                replay.eventsPerSecond(),
                replay.secondsPerProjection(),
                cpuDuringReplay,
                used.millisecondsPer(replay.events() / 1000),
                used.postgresqlMillisecondsPer(replay.events() / 1000),
                statements.describe("event"));
        return replay;
    }

    private EventRows.Row sampleRow() {
        return new EventRows()
                .row(
                        "00000000-0000-4000-8000-000000000000",
                        "eu-wap-nl/1",
                        1,
                        new ActionStatusChangedEvent(
                                ActionRef.of("eu-wap-nl", "1"),
                                ImplementationStatus.NOT_STARTED,
                                ImplementationStatus.IN_PROGRESS,
                                "Benchmark change 1"),
                        Map.of(
                                "actor",
                                "bench-writer-1",
                                "actorName",
                                "bench-writer-1",
                                "correlationId",
                                "00000000-0000-4000-8000-000000000001",
                                "commandId",
                                "00000000-0000-4000-8000-000000000002",
                                "traceId",
                                "00000000-0000-4000-8000-000000000002"),
                        Instant.now());
    }

    private void record(
            RawLimits.InsertResult rawInsert,
            RawLimits.ReadResult rawRead,
            InterleavedWrites.Result interleaved,
            CrudBaseline.Result baseline,
            WriteLoad.Result halfLoad,
            double halfRate,
            Latencies lagAtRest,
            Latencies lagAtHalfLoad,
            Latencies lagAtFullLoad,
            Contention.Result contention,
            HistoryGenerator.GeneratedHistory history,
            Projections.ReplayResult replay,
            Map<String, String> questions,
            Map<String, Latencies.Summary> reads,
            Map<String, Object> integrity,
            ServiceUnderTest command,
            ServiceUnderTest query)
            throws IOException {
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("insertCommitPerSecond", Figures.round(rawInsert.perSecond()));
        limits.put("insertConnections", rawInsert.connections());
        limits.put("insertLatency", rawInsert.latency().asFigures());
        limits.put("sequentialReadRowsPerSecond", Figures.round(rawRead.rowsPerSecond()));
        limits.put("sequentialReadRows", rawRead.rows());
        limits.put("sequentialReadMiB", Figures.round(rawRead.bytes() / 1024.0 / 1024.0));
        limits.put("sequentialReadSeconds", Figures.round(rawRead.seconds()));
        figures.put("postgresqlLimits", limits);

        WriteLoad.Result throughput = interleaved.ledger().writes();
        CpuUsage.Usage cpuUsedByWrites = interleaved.ledger().cpu();
        double writeRatio = throughput.acceptedPerSecond() / rawInsert.perSecond();
        Map<String, Object> writes = new LinkedHashMap<>();
        writes.put("acceptedPerSecond", Figures.round(throughput.acceptedPerSecond()));
        writes.put("accepted", throughput.accepted());
        writes.put("failuresByStatus", throughput.failuresByStatus());
        writes.put("latency", throughput.latency().asFigures());
        writes.put("ratioToRawInsertCommit", Figures.round(writeRatio));
        writes.put("cpuPerAcceptedChangeMs", cpuUsedByWrites.millisecondsPer(throughput.accepted()));
        writes.put(
                "postgresqlCpuPerAcceptedChangeMsByTask",
                cpuUsedByWrites.postgresqlMillisecondsPer(throughput.accepted()));
        double baselineRatio = interleaved.rateRatio();
        double cpuPerChange = cpuUsedByWrites.totalMillisecondsPer(throughput.accepted());
        double baselineCpuPerChange = baseline.writes().cpuMillisecondsPerChange();
        writes.put("acceptedPerSecondPerWindow", interleaved.ledger().ratesPerWindow());
        writes.put("ratioToCrudBaseline", Figures.round(baselineRatio));
        writes.put("cpuPerChangeRatioToCrudBaseline", Figures.round(interleaved.cpuPerChangeRatio()));
        writes.put("interleavedWithCrudBaseline", interleaved.asFigures());
        figures.put("writeThroughput", writes);
        figures.section(WriteComparison.table(settings, interleaved));

        Map<String, Object> contended = new LinkedHashMap<>();
        contended.put("contenders", settings.contenders());
        contended.put("attempts", contention.attempts());
        contended.put("accepted", contention.accepted());
        contended.put("refusedWith412", contention.preconditionFailed());
        contended.put("otherAnswers", contention.otherAnswers());
        contended.put("startVersion", contention.startVersion());
        contended.put("finalVersion", contention.finalVersion());
        contended.put("noLostUpdate", contention.noLostUpdate());
        contended.put("latency", contention.latency().asFigures());
        figures.put("contention", contended);

        Map<String, Object> lag = new LinkedHashMap<>();
        lag.put("atRest", lagAtRest.summary().asFigures());
        Map<String, Object> half = new LinkedHashMap<>(lagAtHalfLoad.summary().asFigures());
        half.put("offeredChangesPerSecond", Figures.round(halfRate));
        half.put("acceptedChangesPerSecond", Figures.round(halfLoad.acceptedPerSecond()));
        half.put("writeLatency", halfLoad.latency().asFigures());
        lag.put("atHalfMaximumWriteLoad", half);
        lag.put("atMaximumWriteLoad", lagAtFullLoad.summary().asFigures());
        figures.put("projectionLag", lag);

        Map<String, Object> generated = new LinkedHashMap<>();
        generated.put("events", history.events());
        generated.put("plans", history.plans());
        generated.put("actions", history.actions());
        generated.put("busiestAction", history.busiestAction().toString());
        generated.put("busiestActionEvents", history.busiestActionEvents());
        generated.put("busiestActor", history.busiestActor());
        generated.put("busiestActorEvents", history.busiestActorEvents());
        generated.put("generationSeconds", Figures.round(history.seconds()));
        generated.put("generationEventsPerSecond", Figures.round(history.events() / history.seconds()));
        figures.put("history", generated);

        double replayRatio = replay.eventsPerSecond() / rawRead.rowsPerSecond();
        Map<String, Object> replayed = new LinkedHashMap<>();
        replayed.put("events", replay.events());
        replayed.put("seconds", Figures.round(replay.seconds()));
        replayed.put("eventsPerSecond", Figures.round(replay.eventsPerSecond()));
        replayed.put("secondsPerProjection", replay.secondsPerProjection());
        replayed.put("ratioToRawSequentialRead", Figures.round(replayRatio));
        figures.put("replay", replayed);

        Map<String, Object> readFigures = new LinkedHashMap<>();
        reads.forEach((name, summary) -> {
            Map<String, Object> figure = new LinkedHashMap<>(summary.asFigures());
            figure.put("request", questions.get(name));
            readFigures.put(name, figure);
        });
        figures.put("reads", readFigures);

        Map<String, Object> memory = new LinkedHashMap<>();
        for (ServiceUnderTest service : List.of(command, query)) {
            Map<String, Object> figure = new LinkedHashMap<>();
            figure.put("heapLimit", settings.heap());
            figure.put("peakResidentMiB", Figures.round(service.peakResidentMiB()));
            figure.put("residentAtEndMiB", Figures.round(service.residentMiB()));
            figure.put("ranOutOfMemory", service.ranOutOfMemory());
            figure.put("aliveAtEnd", service.alive());
            memory.put(service.name(), figure);
        }
        figures.put("memory", memory);

        figures.target(
                "Write throughput >= 0.5 x raw INSERT+COMMIT (" + settings.writers() + " conns)",
                String.format(
                        "%,.0f/s vs %,.0f/s = %.2f", throughput.acceptedPerSecond(), rawInsert.perSecond(), writeRatio),
                writeRatio >= 0.5);
        figures.target(
                "Write throughput >= the CRUD baseline's (same load, same run, median of pairs of windows)",
                String.format(
                        "%,.0f/s vs %,.0f/s, median ratio %.2f",
                        throughput.acceptedPerSecond(),
                        baseline.writes().writes().acceptedPerSecond(),
                        baselineRatio),
                baselineRatio >= 1);
        figures.target(
                "Machine CPU per accepted change < 1 ms",
                String.format("%.2f ms (CRUD baseline %.2f ms)", cpuPerChange, baselineCpuPerChange),
                cpuPerChange < 1);
        figures.target(
                "No lost update under contention (final version = start + accepted)",
                contention.startVersion() + " + " + contention.accepted() + " = " + contention.finalVersion(),
                contention.noLostUpdate());
        figures.target(
                "Projection lag p99 < 200 ms at rest",
                milliseconds(lagAtRest.summary().p99()),
                lagAtRest.summary().p99() < 200);
        figures.target(
                "Projection lag p99 < 200 ms at half the maximum write load",
                milliseconds(lagAtHalfLoad.summary().p99()),
                lagAtHalfLoad.summary().p99() < 200);
        figures.target(
                "Replay >= 20,000 events/s",
                String.format("%,.0f events/s", replay.eventsPerSecond()),
                replay.eventsPerSecond() >= 20_000);
        targetP95(reads, "currentList", "Current list of a plan p95 < 20 ms", 20);
        targetP95(reads, "planList", "The list of plans p95 < 20 ms", 20);
        targetP95(reads, "busyActionHistory", "History of a busy action, first page p95 < 20 ms", 20);
        targetP95(reads, "busyActionHistoryLatePage", "History of a busy action, oldest page p95 < 20 ms", 20);
        integrityTarget(integrity, "verifyChains", "GET /api/integrity/verify p95 < 1 s", 1_000);
        integrityTarget(integrity, "exportEarlyMonth", "Export page of 1,000 events, early month p95 < 100 ms", 100);
        integrityTarget(integrity, "exportLateMonth", "Export page of 1,000 events, late month p95 < 100 ms", 100);
        targetP95(reads, "planAsOf", "A whole plan as of a date p95 < 100 ms", 100);
        targetP95(reads, "monitoringReport", "Monitoring report p95 < 500 ms", 500);
        targetP95(reads, "statusOverTime", "The plan through time, monthly over 5.5 years p95 < 1 s", 1_000);
        for (ServiceUnderTest service : List.of(command, query)) {
            figures.target(
                    service.name() + " runs in a " + settings.heap() + " heap",
                    String.format(
                            "peak RSS %.0f MiB, out of memory: %s",
                            service.peakResidentMiB(), service.ranOutOfMemory() ? "yes" : "no"),
                    service.alive() && !service.ranOutOfMemory());
        }
    }

    private void targetP95(Map<String, Latencies.Summary> reads, String name, String target, double limitMs) {
        double p95 = reads.get(name).p95();
        figures.target(target, milliseconds(p95), p95 < limitMs);
    }

    /** A failed check (recorded as "failed") misses its target. */
    private void integrityTarget(Map<String, Object> integrity, String name, String target, double limitMs) {
        @SuppressWarnings("unchecked")
        Map<String, Object> figure = (Map<String, Object>) integrity.get(name);
        Object p95 = figure.get("p95Ms");
        if (p95 == null) {
            figures.target(target, "failed: " + figure.get("failed"), false);
        } else {
            double value = ((Number) p95).doubleValue();
            figures.target(target, milliseconds(value), value < limitMs);
        }
    }

    private static String milliseconds(double value) {
        return String.format("%.1f ms", value);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
