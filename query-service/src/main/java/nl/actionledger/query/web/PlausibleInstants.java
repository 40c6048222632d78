package nl.actionledger.query.web;

import java.time.Instant;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Instants a history question may name. Java accepts years far beyond what PostgreSQL's {@code timestamptz} can
 * hold; such an instant would reach the database and fail there, so it is refused as bad input first.
 * Every {@code Instant} query parameter is read through this range.
 */
@Configuration
public class PlausibleInstants implements WebMvcConfigurer {

    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    public static boolean plausible(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    /** The range as people read it, for error messages. */
    public static String range() {
        return "between the years 1900 and 9999";
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, Instant.class, new Converter<String, Instant>() {
            @Override
            public Instant convert(String text) {
                if (text.isBlank()) {
                    return null;
                }
                Instant instant = Instant.parse(text.strip());
                if (!plausible(instant)) {
                    throw new IllegalArgumentException("instant out of range");
                }
                return instant;
            }
        });
    }
}
