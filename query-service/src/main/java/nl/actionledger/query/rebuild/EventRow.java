package nl.actionledger.query.rebuild;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * A row of the event table as the bulk rebuild hands it to Axon's upcasting and deserialization. Axon's own entry
 * class parses the time stamp with a general ISO-8601 parser, a fifth of the reading thread's time in a rebuild; the
 * table holds only strict UTC time stamps (command-service's migration V8 refuses any other), which are read here
 * directly.
 */
record EventRow(
        String type,
        String aggregateIdentifier,
        long sequenceNumber,
        String eventIdentifier,
        String timeStamp,
        String payloadType,
        String payloadRevision,
        byte[] payload,
        byte[] metaData)
        implements DomainEventData<byte[]> {

    @Override
    public String getType() {
        return type;
    }

    @Override
    public String getAggregateIdentifier() {
        return aggregateIdentifier;
    }

    @Override
    public long getSequenceNumber() {
        return sequenceNumber;
    }

    @Override
    public String getEventIdentifier() {
        return eventIdentifier;
    }

    @Override
    public Instant getTimestamp() {
        return utc(timeStamp);
    }

    @Override
    public SerializedObject<byte[]> getMetaData() {
        return new SerializedMetaData<>(metaData, byte[].class);
    }

    @Override
    public SerializedObject<byte[]> getPayload() {
        return new SimpleSerializedObject<>(payload, byte[].class, payloadType, payloadRevision);
    }

    /**
     * {@code 2026-01-05T09:00:00Z}, with or without a fraction of up to nine digits, read without a general parser;
     * anything else by {@link Instant#parse}, which gives the same instant for these.
     */
    static Instant utc(String text) {
        int length = text.length();
        if (length < 20
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':'
                || text.charAt(length - 1) != 'Z') {
            return Instant.parse(text);
        }
        int nanos = 0;
        if (length > 20) {
            int digits = length - 21;
            if (text.charAt(19) != '.' || digits < 1 || digits > 9) {
                return Instant.parse(text);
            }
            nanos = digits(text, 20, length - 1);
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
        }
        long days = LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10))
                .toEpochDay();
        long seconds =
                days * 86_400 + digits(text, 11, 13) * 3_600L + digits(text, 14, 16) * 60L + digits(text, 17, 19);
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("Not a time stamp: " + text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
