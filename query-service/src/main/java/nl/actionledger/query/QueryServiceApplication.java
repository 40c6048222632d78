package nl.actionledger.query;

import nl.actionledger.support.persistence.MigrationsOnly;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Builds the current-status views and the audit trail from the event table, and answers questions about them. */
@SpringBootApplication
@EnableScheduling
public class QueryServiceApplication {

    public static void main(String[] args) {
        if (MigrationsOnly.requested(args)) {
            MigrationsOnly.run(args);
            return;
        }
        SpringApplication.run(QueryServiceApplication.class, args);
    }
}
