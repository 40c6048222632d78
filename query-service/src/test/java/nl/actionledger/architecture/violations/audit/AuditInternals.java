package nl.actionledger.architecture.violations.audit;

/** Stands for a type of the audit trail's own. */
public class AuditInternals {}
