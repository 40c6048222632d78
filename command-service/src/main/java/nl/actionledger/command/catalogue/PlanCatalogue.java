package nl.actionledger.command.catalogue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The curated catalogue of one plan: the source table with its flaws resolved, each correction noted.
 * Read from {@code catalogue/<planId>.json}; see {@code catalogue/README.md} for how it was derived.
 */
record PlanCatalogue(
        String planId,
        String title,
        String source,
        List<PriorityEntry> priorities,
        List<ObjectiveEntry> objectives,
        List<ActionEntry> actions) {

    public PlanCatalogue {
        priorities = List.copyOf(priorities);
        objectives = List.copyOf(objectives);
        actions = List.copyOf(actions);
    }

    public Optional<ObjectiveEntry> objective(int number) {
        return objectives.stream()
                .filter(objective -> objective.number() == number)
                .findFirst();
    }

    public Optional<PriorityEntry> priority(int number) {
        return priorities.stream()
                .filter(priority -> priority.number() == number)
                .findFirst();
    }

    public Map<String, ActionEntry> actionsById() {
        return actions.stream().collect(Collectors.toMap(ActionEntry::id, Function.identity()));
    }
}
