package nl.actionledger.architecture.violations.history;

import nl.actionledger.architecture.violations.audit.AuditInternals;

/** Breaks the rule that features meet only through named types. */
class HistoryReadingAuditInternals {

    AuditInternals internals;

    PublicButUsedOnlyHere sameSide;
}
