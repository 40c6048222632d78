package nl.actionledger.events;

import org.axonframework.serialization.Revision;

/** The indicative timeframe of an action was revised. */
@Revision("1")
public record ActionTimeframeRevisedEvent(
        ActionRef action, Timeframe previousTimeframe, Timeframe newTimeframe, String reason) {}
