package nl.actionledger.events;

/** One of the four priorities of the EU plan. */
public record Priority(int number, String title) {}
