package nl.actionledger.tooling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the formatter (Spotless, in the build's validate phase) cannot say: every module's Java names a type by its
 * package only in an import, unless two types of one name meet in a file.
 */
class SourceShapeTest {

    /** The repository: this module's parent directory, as Maven runs each module's tests in the module. */
    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

    @Test
    void noJavaFileNamesATypeByItsPackageInline() throws IOException {
        List<Path> sources = javaSources();
        assertThat(sources).as("the Java sources found").hasSizeGreaterThan(100);

        List<String> found = sources.stream()
                .flatMap(source -> InlineQualifiedNames.in(read(source)).stream()
                        .map(where -> REPOSITORY.relativize(source) + " " + where))
                .toList();

        assertThat(found).as("full names inline; import them").isEmpty();
    }

    @Test
    void aTypeNamedByItsPackageInCodeIsFound() {
        String source = """
                package nl.example;

                import java.util.List;

                class Example {
                    java.util.Map<String, String> names = java.util.Map.of();
                    List<String> list = new java.util.ArrayList<>();

                    @org.junit.jupiter.api.Test
                    void named() {}
                }
                """;

        assertThat(InlineQualifiedNames.in(source))
                .containsExactly(
                        "line 6: java.util.Map",
                        "line 6: java.util.Map",
                        "line 7: java.util.ArrayList",
                        "line 9: org.junit.jupiter.api.Test");
    }

    @Test
    void importsCommentsLiteralsAndTwoTypesOfOneNameAreAllowed() {
        String source = """
                package nl.example;

                import java.util.List;
                import org.springframework.context.annotation.Configuration;

                /** Unlike {@link java.util.Map}, see java.util.Set. */
                @Configuration
                class Example {
                    // java.util.ArrayList in a comment
                    String className = "java.util.ArrayList";
                    String block = \"""
                            org.example.Text
                            \""";
                    char quote = '"';
                    org.axonframework.config.Configuration axon;
                    org.other.Example sameNameElsewhere;
                    List<String> list;
                }
                """;

        assertThat(InlineQualifiedNames.in(source)).isEmpty();
    }

    private static List<Path> javaSources() throws IOException {
        try (Stream<Path> files = Files.walk(REPOSITORY)) {
            return files.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> isUnder(path, "src/main/java") || isUnder(path, "src/test/java"))
                    .toList();
        }
    }

    private static boolean isUnder(Path path, String sourceRoot) {
        return REPOSITORY.relativize(path).toString().contains("/" + sourceRoot + "/");
    }

    private static String read(Path source) {
        try {
            return Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
