package nl.actionledger.events;

/** An objective of the EU plan (numbered 1–17 across the plan). {@code inferred} when the source table did not say it. */
public record Objective(int number, String text, boolean inferred) {}
