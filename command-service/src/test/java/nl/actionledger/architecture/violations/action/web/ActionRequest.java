package nl.actionledger.architecture.violations.action.web;

/** Stands for a class of a feature's web layer. */
public record ActionRequest(String reason) {}
