package nl.actionledger.tooling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A directory emptied of what an earlier run left there: each run of the benchmark and the fault suite starts afresh. */
public final class FreshDirectory {

    private FreshDirectory() {}

    /** Deletes the directory with everything in it, if it exists, and creates it again, empty. */
    public static Path create(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return Files.createDirectories(directory);
    }
}
