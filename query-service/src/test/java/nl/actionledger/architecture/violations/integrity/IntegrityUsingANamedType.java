package nl.actionledger.architecture.violations.integrity;

import nl.actionledger.architecture.violations.audit.FieldChange;

/** Keeps the rule that features meet only through named types. */
class IntegrityUsingANamedType {

    FieldChange change;
}
