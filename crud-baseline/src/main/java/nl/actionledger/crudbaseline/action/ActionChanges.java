package nl.actionledger.crudbaseline.action;

import java.util.List;
import java.util.function.Predicate;
import nl.actionledger.crudbaseline.audit.ChangeReason;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a change is decided and stored, in one transaction: load the row, check who may change it and whether the
 * client's version is current, update it. Hibernate's version check in the UPDATE catches a writer that got in
 * between; Envers adds the audit row and the revision in the same transaction.
 */
@Service
@Transactional
public class ActionChanges {

    private final ActionRepository actions;

    ActionChanges(ActionRepository actions) {
        this.actions = actions;
    }

    /** Adds an action to a plan (admins only: the benchmark's set-up); its version is 0. */
    public long register(String planId, String actionId, ImplementationStatus status, String timeframe, String reason) {
        if (actions.existsByPlanIdAndActionId(planId, actionId)) {
            throw ChangeRefusedException.actionExists(planId, actionId);
        }
        ChangeReason.record(reason);
        try {
            return actions.saveAndFlush(new Action(planId, actionId, status, timeframe))
                    .getVersion();
        } catch (DataIntegrityViolationException e) {
            // Registered meanwhile by a concurrent request: the unique key on (plan, action) let only one in.
            throw ChangeRefusedException.actionExists(planId, actionId);
        }
    }

    /** @return the action's new version */
    public long changeStatus(ChangeRequest change, ImplementationStatus status) {
        return change(change, action -> action.changeStatus(status));
    }

    /** @param contact {@code null} when no person is named */
    public long reassign(ChangeRequest change, String organisation, String contact) {
        return change(change, action -> action.assign(organisation, contact));
    }

    public long reviseTimeframe(ChangeRequest change, String timeframe) {
        return change(change, action -> action.reviseTimeframe(timeframe));
    }

    @Transactional(readOnly = true)
    public List<Action> list(String planId) {
        return actions.findByPlanIdOrderById(planId);
    }

    private long change(ChangeRequest change, Predicate<Action> apply) {
        Action action = actions.findByPlanIdAndActionId(change.planId(), change.actionId())
                .orElseThrow(() -> ChangeRefusedException.actionNotFound(change.planId(), change.actionId()));
        if (!action.mayBeChangedBy(change.user().organisation(), change.user().admin())) {
            throw ChangeRefusedException.notPermitted(action);
        }
        if (change.expectedVersion() != null && change.expectedVersion() != action.getVersion()) {
            throw ChangeRefusedException.versionMismatch(action.getVersion(), change.expectedVersion());
        }
        if (!apply.test(action)) {
            throw ChangeRefusedException.noChange();
        }
        ChangeReason.record(change.reason());
        try {
            // Flushed here, not at commit, so the answer can carry the version the UPDATE gave the row.
            actions.flush();
        } catch (OptimisticLockingFailureException e) {
            // Another writer changed the row since it was read: with If-Match the client's version is stale.
            throw change.expectedVersion() != null
                    ? ChangeRefusedException.changedMeanwhile(change.expectedVersion())
                    : ChangeRefusedException.concurrentModification();
        }
        return action.getVersion();
    }
}
