package nl.actionledger.query.history;

import java.util.Comparator;

/** Actions in the order of the plan: numbered ones by number, others (the unnumbered action) after them by id. */
final class PlanOrder {

    static final Comparator<String> ACTION_IDS = Comparator.comparing(
                    PlanOrder::number, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Comparator.naturalOrder());

    private PlanOrder() {}

    private static Integer number(String actionId) {
        return actionId.chars().allMatch(Character::isDigit) && !actionId.isEmpty() && actionId.length() < 10
                ? Integer.valueOf(actionId)
                : null;
    }
}
