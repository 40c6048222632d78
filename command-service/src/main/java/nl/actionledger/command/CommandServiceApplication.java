package nl.actionledger.command;

import nl.actionledger.support.persistence.MigrationsOnly;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Accepts coordinators' changes to the plan and records each as an event in PostgreSQL. */
@SpringBootApplication
@EnableScheduling
public class CommandServiceApplication {

    public static void main(String[] args) {
        if (MigrationsOnly.requested(args)) {
            MigrationsOnly.run(args);
            return;
        }
        SpringApplication.run(CommandServiceApplication.class, args);
    }
}
