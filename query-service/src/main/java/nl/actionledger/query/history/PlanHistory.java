package nl.actionledger.query.history;

import java.time.Instant;
import java.util.List;
import nl.actionledger.query.action.ActionFilter;
import nl.actionledger.query.action.ActionView;
import nl.actionledger.query.organisation.Organisations;
import nl.actionledger.query.person.Contacts;
import nl.actionledger.query.refusals.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The plan as it stood at an instant, from the temporal projection. */
@Service
@Transactional(readOnly = true)
class PlanHistory {

    private final ActionTimeline timeline;
    private final Organisations organisations;
    private final Contacts contacts;

    PlanHistory(ActionTimeline timeline, Organisations organisations, Contacts contacts) {
        this.timeline = timeline;
        this.organisations = organisations;
        this.contacts = contacts;
    }

    /**
     * Contacts opened, or erased. Only evaluators, auditors and admins read the plan as of an instant, and they see
     * every contact ({@link nl.actionledger.query.person.ContactReaders}).
     */
    private List<ActionView> opened(List<ActionView> views) {
        Contacts.Revealer revealer =
                contacts.revealer(views.stream().map(ActionView::contact).toList());
        return views.stream().map(view -> view.withContactFrom(revealer, true)).toList();
    }

    PlanAsOf planAt(String planId, Instant at, ActionFilter filter) {
        requireExisted(planId, at);
        var names = organisations.displayNames();
        List<ActionView> actions =
                opened(timeline.planAt(planId, at).stream()
                                .filter(filter::matches)
                                .toList())
                        .stream()
                        .map(view -> view.withOrganisationNameFrom(names))
                        .sorted(ActionView.PLAN_ORDER)
                        .toList();
        return new PlanAsOf(planId, at, timeline.positionAt(planId, at), actions);
    }

    ActionAsOf actionAt(String planId, String actionId, Instant at) {
        requireExisted(planId, at);
        ActionView action = timeline.planAt(planId, at).stream()
                .filter(view -> view.actionId().equals(actionId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException(
                        "ACTION_NOT_FOUND", "Plan '" + planId + "' had no action '" + actionId + "' at " + at + "."));
        return new ActionAsOf(
                planId, at, opened(List.of(action)).get(0).withOrganisationNameFrom(organisations.displayNames()));
    }

    /** @throws NotFoundException when the plan is unknown, or was not registered yet at the instant */
    void requireExisted(String planId, Instant at) {
        Instant first = timeline.firstInstant(planId)
                .orElseThrow(() -> new NotFoundException("PLAN_NOT_FOUND", "There is no plan '" + planId + "'."));
        if (at.isBefore(first)) {
            throw new NotFoundException(
                    "PLAN_NOT_YET_REGISTERED",
                    "Plan '" + planId + "' entered the ledger at " + first + "; there is no state of it at " + at
                            + ".");
        }
    }

    /** One action at an instant; its version is the sequence number of the event that made that state. */
    record ActionAsOf(String planId, Instant at, ActionView action) {}
}
