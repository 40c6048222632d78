package nl.actionledger.query.web;

import java.time.Instant;
import nl.actionledger.query.time.PlanTime;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every endpoint's {@code Instant} parameters read as {@link PlanTime} reads them. A text it refuses is 400
 * {@code INVALID_INSTANT} (see {@code LedgerProblemHandling}, which names that code for every {@code Instant} parameter
 * Spring cannot convert).
 */
@Configuration
class InstantParameters implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, Instant.class, new Converter<String, Instant>() {
            @Override
            public Instant convert(String text) {
                return PlanTime.read(text);
            }
        });
    }
}
