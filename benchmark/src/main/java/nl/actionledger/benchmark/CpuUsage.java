package nl.actionledger.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the machine's CPU went during a phase: each service, the benchmark's own JVM (the load generator) and the
 * rest, which on this machine is PostgreSQL. Read from {@code /proc}, so Linux only (elsewhere every figure is -1).
 */
final class CpuUsage {

    private final List<ServiceUnderTest> services;

    CpuUsage(ServiceUnderTest... services) {
        this.services = List.of(services);
    }

    Snapshot now() {
        Map<String, Double> perService = new LinkedHashMap<>();
        for (ServiceUnderTest service : services) {
            perService.put(figureName(service.name()), service.cpuSeconds());
        }
        return new Snapshot(System.nanoTime(), machineBusySeconds(), perService, ownCpuSeconds());
    }

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

    record Snapshot(long nanos, double machine, Map<String, Double> services, double benchmark) {

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
            double machineSeconds = machine - start.machine;
            seconds.put("loadGenerator", benchmarkSeconds);
            seconds.put("postgresqlAndRest", machineSeconds - known - benchmarkSeconds);
            return new Usage((nanos - start.nanos) / 1e9, seconds, machineSeconds);
        }
    }

    /**
     * CPU seconds used in a phase of {@code seconds}: per component (each service, {@code loadGenerator},
     * {@code postgresqlAndRest}) and by the whole machine.
     */
    record Usage(double seconds, Map<String, Double> cpuSeconds, double machineCpuSeconds) {

        Map<String, Object> cores() {
            Map<String, Object> cores = new LinkedHashMap<>();
            cpuSeconds.forEach((component, used) -> cores.put(component, Figures.round(used / seconds)));
            cores.put("machineBusy", Figures.round(machineCpuSeconds / seconds));
            cores.put("machineCores", Runtime.getRuntime().availableProcessors());
            return cores;
        }

        /** Milliseconds of CPU per accepted change, per component and in total (the whole machine). */
        Map<String, Object> millisecondsPer(long acceptedChanges) {
            Map<String, Object> perChange = new LinkedHashMap<>();
            cpuSeconds.forEach((component, used) -> perChange.put(component, Figures.round(1000 * used / acceptedChanges)));
            perChange.put("total", Figures.round(totalMillisecondsPer(acceptedChanges)));
            return perChange;
        }

        double totalMillisecondsPer(long acceptedChanges) {
            return 1000 * machineCpuSeconds / acceptedChanges;
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
