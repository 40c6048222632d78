package nl.actionledger.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the machine's CPU went during a phase: each service, the benchmark's own JVM (the load generator) and the
 * rest, which on this machine is PostgreSQL. In cores: 1.0 is one core busy for the whole phase. Read from
 * {@code /proc}, so Linux only (elsewhere every figure is -1).
 */
final class CpuUsage {

    private final ServiceUnderTest command;
    private final ServiceUnderTest query;

    CpuUsage(ServiceUnderTest command, ServiceUnderTest query) {
        this.command = command;
        this.query = query;
    }

    Snapshot now() {
        return new Snapshot(System.nanoTime(), machineBusySeconds(), command.cpuSeconds(), query.cpuSeconds(),
                ownCpuSeconds());
    }

    record Snapshot(long nanos, double machine, double command, double query, double benchmark) {

        Map<String, Object> coresSince(Snapshot start) {
            double seconds = (nanos - start.nanos) / 1e9;
            double commandCores = (command - start.command) / seconds;
            double queryCores = (query - start.query) / seconds;
            double benchmarkCores = (benchmark - start.benchmark) / seconds;
            double machineCores = (machine - start.machine) / seconds;
            Map<String, Object> cores = new LinkedHashMap<>();
            cores.put("commandService", Figures.round(commandCores));
            cores.put("queryService", Figures.round(queryCores));
            cores.put("loadGenerator", Figures.round(benchmarkCores));
            cores.put("postgresqlAndRest", Figures.round(machineCores - commandCores - queryCores - benchmarkCores));
            cores.put("machineBusy", Figures.round(machineCores));
            cores.put("machineCores", Runtime.getRuntime().availableProcessors());
            return cores;
        }
    }

    private static double machineBusySeconds() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) { // user nice system irq softirq steal
                busy += Long.parseLong(fields[i]);
            }
            return busy / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static double ownCpuSeconds() {
        return cpuSecondsOf(ProcessHandle.current().pid());
    }

    /**
     * CPU time a process has used so far (user + system), from {@code /proc/<pid>/stat}; -1 where unavailable.
     * Assumes the usual 100 clock ticks per second.
     */
    static double cpuSecondsOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
