package nl.actionledger.events;

/** The kinds of indicative timeframe the plan uses. */
public enum TimeframeType {
    /** {@code Doorlopend}: ongoing, no end. */
    CONTINUOUS,
    /** {@code 2024 - 2025}: a period of whole years, both ends included. */
    RANGE,
    /** {@code Vanaf 2025}: from a year on. */
    FROM,
    /** {@code n.t.b.}: to be determined. */
    TBD,
    /** {@code Indien relevant}: only when relevant. */
    WHEN_RELEVANT,
    /** {@code Gereed}: already done when the table was written. */
    ALREADY_DONE,
    /** The table gives no timeframe. */
    NOT_GIVEN
}
