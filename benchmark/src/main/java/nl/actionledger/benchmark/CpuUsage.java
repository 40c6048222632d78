package nl.actionledger.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went during a phase: each service, the benchmark's own JVM (the load generator), the
 * PostgreSQL server (its postmaster and every backend, including those that ended during the phase) and whatever
 * else ran on the machine. Each part is read per process from {@code /proc}, so another process busy on the same
 * machine shows as {@code otherProcesses} instead of inflating PostgreSQL's share. Linux only (elsewhere -1).
 */
final class CpuUsage {

    private final BenchmarkDatabase database;
    private final List<ServiceUnderTest> services;

    CpuUsage(BenchmarkDatabase database, ServiceUnderTest... services) {
        this.database = database;
        this.services = List.of(services);
    }

    Snapshot now() {
        Map<String, Double> perService = new LinkedHashMap<>();
        for (ServiceUnderTest service : services) {
            perService.put(figureName(service.name()), service.cpuSeconds());
        }
        return new Snapshot(
                System.nanoTime(),
                machineBusySeconds(),
                perService,
                ownCpuSeconds(),
                serverCpuSeconds(database.serverPid()),
                serverProcesses());
    }

    /**
     * Each running PostgreSQL process with what it works for (the client's application name, or the server's own
     * task such as {@code walwriter}) and its CPU time so far: where the server's share of a change goes.
     */
    private Map<Long, ServerProcess> serverProcesses() {
        Map<Long, ServerProcess> processes = new LinkedHashMap<>();
        database.serverProcesses().forEach((pid, task) -> {
            double seconds = cpuSecondsOf(pid);
            if (seconds >= 0) {
                processes.put(pid, new ServerProcess(task, seconds));
            }
        });
        return processes;
    }

    record ServerProcess(String task, double cpuSeconds) {}

    /** {@code command-service} is reported as {@code commandService}, as every other JSON key. */
    private static String figureName(String serviceName) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : serviceName.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    record Snapshot(
            long nanos,
            double machine,
            Map<String, Double> services,
            double benchmark,
            double postgresql,
            Map<Long, ServerProcess> serverProcesses) {

        /** In cores: 1.0 is one core busy for the whole phase. */
        Map<String, Object> coresSince(Snapshot start) {
            return since(start).cores();
        }

        Usage since(Snapshot start) {
            Map<String, Double> seconds = new LinkedHashMap<>();
            double known = 0;
            for (Map.Entry<String, Double> service : services.entrySet()) {
                double used = service.getValue() - start.services.get(service.getKey());
                seconds.put(service.getKey(), used);
                known += used;
            }
            double benchmarkSeconds = benchmark - start.benchmark;
            double postgresqlSeconds = postgresql - start.postgresql;
            double machineSeconds = machine - start.machine;
            seconds.put("loadGenerator", benchmarkSeconds);
            seconds.put("postgresql", postgresqlSeconds);
            double measured = known + benchmarkSeconds + postgresqlSeconds;
            seconds.put("otherProcesses", Math.max(0, machineSeconds - measured));
            return new Usage(
                    (nanos - start.nanos) / 1e9,
                    seconds,
                    measured,
                    machineSeconds,
                    serverSecondsByTask(start, postgresqlSeconds));
        }

        /**
         * PostgreSQL's CPU seconds in the phase per task; what processes that started or ended meanwhile used (such
         * as autovacuum workers) is {@code startedOrEnded}.
         */
        private Map<String, Double> serverSecondsByTask(Snapshot start, double postgresqlSeconds) {
            Map<String, Double> byTask = new TreeMap<>();
            double attributed = 0;
            for (Map.Entry<Long, ServerProcess> process : serverProcesses.entrySet()) {
                ServerProcess before = start.serverProcesses.get(process.getKey());
                if (before != null && before.task().equals(process.getValue().task())) {
                    double used = process.getValue().cpuSeconds() - before.cpuSeconds();
                    byTask.merge(process.getValue().task(), used, Double::sum);
                    attributed += used;
                }
            }
            byTask.put("startedOrEnded", Math.max(0, postgresqlSeconds - attributed));
            return byTask;
        }
    }

    /**
     * CPU seconds used in a phase of {@code seconds}: per component (each service, {@code loadGenerator},
     * {@code postgresql}, {@code otherProcesses}), by the system under test (services, load generator and PostgreSQL
     * together) and by the whole machine.
     */
    record Usage(
            double seconds,
            Map<String, Double> cpuSeconds,
            double systemCpuSeconds,
            double machineCpuSeconds,
            Map<String, Double> postgresqlSecondsByTask) {

        /** Two phases as one: their time and every component's CPU added up. */
        Usage plus(Usage other) {
            return new Usage(
                    seconds + other.seconds,
                    added(cpuSeconds, other.cpuSeconds),
                    systemCpuSeconds + other.systemCpuSeconds,
                    machineCpuSeconds + other.machineCpuSeconds,
                    added(postgresqlSecondsByTask, other.postgresqlSecondsByTask));
        }

        private static Map<String, Double> added(Map<String, Double> these, Map<String, Double> those) {
            Map<String, Double> sum = new LinkedHashMap<>(these);
            those.forEach((component, used) -> sum.merge(component, used, Double::sum));
            return sum;
        }

        Map<String, Object> cores() {
            Map<String, Object> cores = new LinkedHashMap<>();
            cpuSeconds.forEach((component, used) -> cores.put(component, Figures.round(used / seconds)));
            cores.put("machineBusy", Figures.round(machineCpuSeconds / seconds));
            cores.put("machineCores", Runtime.getRuntime().availableProcessors());
            return cores;
        }

        /**
         * Milliseconds of CPU per accepted change, per component; {@code total} is the system under test's (on a
         * machine that runs nothing else, the whole machine's), {@code machine} the whole machine's.
         */
        Map<String, Object> millisecondsPer(long acceptedChanges) {
            Map<String, Object> perChange = new LinkedHashMap<>();
            cpuSeconds.forEach(
                    (component, used) -> perChange.put(component, Figures.round(1000 * used / acceptedChanges)));
            perChange.put("total", Figures.round(totalMillisecondsPer(acceptedChanges)));
            perChange.put("machine", Figures.round(1000 * machineCpuSeconds / acceptedChanges));
            return perChange;
        }

        /** PostgreSQL's share of {@link #millisecondsPer}, split by the client or server task each process did. */
        Map<String, Object> postgresqlMillisecondsPer(long acceptedChanges) {
            Map<String, Object> perChange = new LinkedHashMap<>();
            postgresqlSecondsByTask.forEach(
                    (task, used) -> perChange.put(task, Figures.round(1000 * used / acceptedChanges)));
            return perChange;
        }

        double totalMillisecondsPer(long acceptedChanges) {
            return 1000 * systemCpuSeconds / acceptedChanges;
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

    /**
     * The PostgreSQL server's CPU time: the postmaster's own and that of the backends it has reaped (its children's
     * time), plus that of every backend still running. A backend reaped while the running ones are read would count in
     * neither sum (its whole life's CPU would then land in the next phase, as {@code startedOrEnded}) or in both, so
     * the sums are read again until the reaped time stayed the same throughout.
     */
    private static double serverCpuSeconds(long postmasterPid) {
        for (int attempt = 0; attempt < 20; attempt++) {
            double reapedBefore = reapedChildrenCpuSeconds(postmasterPid);
            double running = runningChildrenCpuSeconds(postmasterPid);
            double own = cpuSecondsOf(postmasterPid);
            double reapedAfter = reapedChildrenCpuSeconds(postmasterPid);
            if (reapedBefore < 0 || running < 0 || own < 0) {
                return -1;
            }
            if (reapedBefore == reapedAfter) {
                return own + reapedAfter + running;
            }
        }
        return -1;
    }

    private static double runningChildrenCpuSeconds(long postmasterPid) {
        double seconds = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes
                    .filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList()) {
                long pid = Long.parseLong(process.getFileName().toString());
                if (parentOf(pid) == postmasterPid) {
                    seconds += Math.max(0, cpuSecondsOf(pid));
                }
            }
            return seconds;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long parentOf(long pid) {
        String[] fields = statFields(pid);
        return fields == null ? -1 : Long.parseLong(fields[1]);
    }

    private static double ownCpuSeconds() {
        return cpuSecondsOf(ProcessHandle.current().pid());
    }

    /**
     * CPU time a process has used so far (user + system), from {@code /proc/<pid>/stat}; -1 where unavailable.
     * Assumes the usual 100 clock ticks per second.
     */
    static double cpuSecondsOf(long pid) {
        return ticksToSeconds(pid, 11, 12); // utime, stime
    }

    /** The CPU time of the children a process has waited for after they ended ({@code cutime}, {@code cstime}). */
    private static double reapedChildrenCpuSeconds(long pid) {
        return ticksToSeconds(pid, 13, 14);
    }

    private static double ticksToSeconds(long pid, int userField, int systemField) {
        String[] fields = statFields(pid);
        if (fields == null) {
            return -1;
        }
        return (Long.parseLong(fields[userField]) + Long.parseLong(fields[systemField])) / 100.0;
    }

    /** The fields of {@code /proc/<pid>/stat} after the command name (state first), or null when it is gone. */
    private static String[] statFields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
