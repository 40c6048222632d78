package nl.actionledger.architecture.violations.web;

/** Stands for a class of the web layer. */
public class SomeController {}
