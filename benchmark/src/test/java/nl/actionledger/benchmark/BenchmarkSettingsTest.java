package nl.actionledger.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchmarkSettingsTest {

    @Test
    void aFullRunComparesWithTheBaselineAndWithNoSecondBuild() {
        BenchmarkSettings settings = BenchmarkSettings.parse(new String[] {"--mode=full", "--home=/ledger"});

        assertThat(settings.measuresBaseline()).isTrue();
        assertThat(settings.compareCommandJar()).isNull();
        assertThat(settings.compareCommandJavaOptions()).isEmpty();
    }

    @Test
    void javaOptionsAloneCompareTheFirstBuildsJarWithThemAndLeaveTheBaselineOut() {
        BenchmarkSettings settings = BenchmarkSettings.parse(
                new String[] {"--home=/ledger", "--compare-command-java-options= -XX:+UseParallelGC  -Xss512k "});

        assertThat(settings.compareCommandJar())
                .isEqualTo(Path.of("/ledger/command-service/target/command-service.jar"));
        assertThat(settings.compareCommandJavaOptions()).containsExactly("-XX:+UseParallelGC", "-Xss512k");
        assertThat(settings.measuresBaseline()).isFalse();
    }

    @Test
    void aSecondJarIsComparedAsItIs() {
        BenchmarkSettings settings =
                BenchmarkSettings.parse(new String[] {"--home=/ledger", "--compare-command-jar=/builds/b.jar"});

        assertThat(settings.compareCommandJar()).isEqualTo(Path.of("/builds/b.jar"));
        assertThat(settings.compareCommandJavaOptions()).isEmpty();
    }

    @Test
    void theWritePathsComparisonIsNotMixedWithTheReplayOnly() {
        assertThatThrownBy(() ->
                        BenchmarkSettings.parse(new String[] {"--only=replay", "--compare-command-jar=/builds/b.jar"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--compare-command-jar");
    }
}
