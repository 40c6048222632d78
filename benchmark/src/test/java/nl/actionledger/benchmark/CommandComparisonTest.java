package nl.actionledger.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.actionledger.tooling.OwnedAction;
import org.junit.jupiter.api.Test;

class CommandComparisonTest {

    private static final OwnedAction.Wording WORDING = new OwnedAction.Wording("change", "contact");

    @Test
    void theTwoBuildsShareNoActionAndEachKeepsEveryWriter() {
        List<List<OwnedAction>> perWriter =
                List.of(List.of(action("1"), action("2"), action("3")), List.of(action("4"), action("5")));

        List<List<OwnedAction>> a = CommandComparison.everyOther(perWriter, 0);
        List<List<OwnedAction>> b = CommandComparison.everyOther(perWriter, 1);

        assertThat(ids(a)).containsExactly(List.of("1", "3"), List.of("4"));
        assertThat(ids(b)).containsExactly(List.of("2"), List.of("5"));
    }

    @Test
    void aWriterWithOneActionCannotBeShared() {
        assertThatThrownBy(() -> CommandComparison.everyOther(List.of(List.of(action("1"))), 1))
                .isInstanceOf(IllegalStateException.class);
    }

    private static OwnedAction action(String id) {
        return new OwnedAction(id, "bench-writer", "token", false, WORDING);
    }

    private static List<List<String>> ids(List<List<OwnedAction>> perWriter) {
        return perWriter.stream()
                .map(actions -> actions.stream().map(action -> action.actionId).toList())
                .toList();
    }
}
