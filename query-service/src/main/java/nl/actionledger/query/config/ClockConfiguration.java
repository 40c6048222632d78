package nl.actionledger.query.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ClockConfiguration {

    /** "Now", for refusing questions about the future; tests may replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
