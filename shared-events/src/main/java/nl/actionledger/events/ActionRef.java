package nl.actionledger.events;

import java.util.Objects;

/**
 * Names one action of one plan. Its {@link #toString()} is the aggregate identifier in the event table
 * ({@code eu-wap-nl/28}), so the same action of two plans never shares an event stream.
 */
public record ActionRef(String planId, String actionId) {

    public ActionRef {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(actionId, "actionId");
    }

    public static ActionRef of(String planId, String actionId) {
        return new ActionRef(planId, actionId);
    }

    @Override
    public String toString() {
        return planId + "/" + actionId;
    }
}
