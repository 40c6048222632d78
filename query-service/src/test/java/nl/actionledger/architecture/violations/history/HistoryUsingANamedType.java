package nl.actionledger.architecture.violations.history;

import nl.actionledger.architecture.violations.audit.FieldChange;

/** Keeps the rule that features meet only through named types. */
class HistoryUsingANamedType {

    FieldChange change;
}
