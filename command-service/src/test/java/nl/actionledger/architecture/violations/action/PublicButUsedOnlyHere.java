package nl.actionledger.architecture.violations.action;

/** Breaks the rule that a class is public only if another package uses it. */
public class PublicButUsedOnlyHere {}
