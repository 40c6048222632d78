package nl.actionledger.query.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import nl.actionledger.events.Timeframe;
import nl.actionledger.query.audit.FieldChange;
import nl.actionledger.query.person.Contacts;
import nl.actionledger.query.time.Period;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What changed in a period: per action, its state at the start against its state at the end, field by field,
 * with the events in between and who made them. An action that changed and changed back has a net change of NONE.
 */
@Service
@Transactional(readOnly = true)
class PlanChanges {

    private final ActionTimeline timeline;
    private final PlanHistory history;
    private final Contacts contacts;

    PlanChanges(ActionTimeline timeline, PlanHistory history, Contacts contacts) {
        this.timeline = timeline;
        this.history = history;
        this.contacts = contacts;
    }

    Changes between(String planId, Period period) {
        history.requireExisted(planId, period.to());
        Map<String, ActionState> atStart = timeline.statesAt(planId, period.from()).stream()
                .collect(Collectors.toMap(ActionState::actionId, Function.identity()));
        Map<String, List<ActionState>> begun = timeline.statesBegunBetween(planId, period.from(), period.to()).stream()
                .collect(Collectors.groupingBy(ActionState::actionId, LinkedHashMap::new, Collectors.toList()));
        List<String> stored = new ArrayList<>();
        atStart.values().forEach(state -> stored.add(state.contact()));
        begun.values().forEach(states -> states.forEach(state -> stored.add(state.contact())));
        Contacts.Revealer revealer = contacts.revealer(stored);
        List<ActionChange> changes = begun.entrySet().stream()
                .map(entry -> change(atStart.get(entry.getKey()), entry.getValue(), revealer::text))
                .sorted((left, right) -> PlanOrder.ACTION_IDS.compare(left.actionId(), right.actionId()))
                .toList();
        return new Changes(planId, period.from(), period.to(), timeline.positionAt(planId, period.to()), changes);
    }

    static ActionChange change(ActionState before, List<ActionState> statesInPeriod) {
        return change(before, statesInPeriod, UnaryOperator.identity());
    }

    /**
     * @param contactText the contact as readers see it (the name, or {@link Contacts#ERASED}), so that the same person
     *                    named again (sealed anew) is no change, and an erased one shows as erased
     */
    static ActionChange change(
            ActionState before, List<ActionState> statesInPeriod, UnaryOperator<String> contactText) {
        ActionState after = statesInPeriod.get(statesInPeriod.size() - 1);
        List<FieldChange> fields = new ArrayList<>();
        compare(fields, "status", before == null ? null : before.status(), after.status(), Objects::equals);
        compare(
                fields,
                "organisation",
                before == null ? null : before.organisation(),
                after.organisation(),
                Objects::equals);
        compare(
                fields,
                "contact",
                before == null ? null : contactText.apply(before.contact()),
                contactText.apply(after.contact()),
                Objects::equals);
        Timeframe beforeTimeframe = before == null ? null : before.timeframe();
        if (beforeTimeframe == null || !beforeTimeframe.meansSameAs(after.timeframe())) {
            fields.add(new FieldChange(
                    "timeframe",
                    beforeTimeframe == null ? null : beforeTimeframe.raw(),
                    after.timeframe().raw()));
        }
        List<String> actors = statesInPeriod.stream()
                .map(ActionState::actor)
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .toList();
        return new ActionChange(
                after.actionId(),
                statesInPeriod.size(),
                actors,
                fields.isEmpty() ? NetChange.NONE : NetChange.CHANGED,
                fields);
    }

    private static <T> void compare(List<FieldChange> fields, String field, T before, T after, BiPredicate<T, T> same) {
        if (!same.test(before, after)) {
            fields.add(new FieldChange(
                    field, before == null ? null : before.toString(), after == null ? null : after.toString()));
        }
    }

    /** @param position the global index of the plan's last event up to {@code to} */
    record Changes(String planId, Instant from, Instant to, long position, List<ActionChange> actions) {}

    /** @param events how many events the action had in the period */
    record ActionChange(
            String actionId, int events, List<String> actors, NetChange netChange, List<FieldChange> changes) {}

    enum NetChange {
        NONE,
        CHANGED
    }
}
