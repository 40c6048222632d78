package nl.actionledger.architecture.violations.audit;

/** Stands for a type another feature may use: its name is among the named types. */
public record FieldChange(String field) {}
