package nl.actionledger.benchmark;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every figure of a run, in the order measured; printed as tables at the end and written as JSON. */
final class Figures {

    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<Target> targets = new ArrayList<>();
    private final List<String> sections = new ArrayList<>();

    void put(String name, Object value) {
        figures.put(name, value);
    }

    Object get(String name) {
        return figures.get(name);
    }

    List<Target> targets() {
        return List.copyOf(targets);
    }

    void target(String target, String measured, boolean met) {
        targets.add(new Target(target, measured, met));
    }

    /** Text printed after the targets, such as a comparison; not written to the JSON, which holds its figures. */
    void section(String text) {
        sections.add(text);
    }

    static double round(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        double scale = Math.abs(value) >= 100 ? 1 : Math.abs(value) >= 1 ? 10 : 1000;
        return Math.round(value * scale) / scale;
    }

    static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memoryGiB", round(memoryKiB() / 1024.0 / 1024.0));
        machine.put("cpu", cpuModel());
        machine.put(
                "os",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
        Map<String, Object> jvm = new LinkedHashMap<>();
        jvm.put("version", System.getProperty("java.runtime.version"));
        jvm.put("vendor", System.getProperty("java.vm.vendor"));
        jvm.put("vm", System.getProperty("java.vm.name"));
        jvm.put("benchmarkJvmArguments", ManagementFactory.getRuntimeMXBean().getInputArguments());
        machine.put("jvm", jvm);
        return machine;
    }

    private static long memoryKiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    void write(Path file) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>(figures);
        document.put("targets", targets);
        Files.createDirectories(file.toAbsolutePath().getParent());
        LedgerClient.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), document);
    }

    String table() {
        StringBuilder table = new StringBuilder();
        table.append(String.format("%n%-68s %-44s %s%n", "Target", "Measured", "Met"));
        table.append("-".repeat(118)).append('\n');
        for (Target target : targets) {
            table.append(
                    String.format("%-68s %-44s %s%n", target.target(), target.measured(), target.met() ? "yes" : "NO"));
        }
        sections.forEach(table::append);
        return table.toString();
    }

    record Target(String target, String measured, boolean met) {}
}
