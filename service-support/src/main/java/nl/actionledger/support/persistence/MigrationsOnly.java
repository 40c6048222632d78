package nl.actionledger.support.persistence;

import java.util.Arrays;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/**
 * Runs a service's migrations and exits, when it is started with {@value #FLAG}. A deployment can then migrate as the
 * owner of the tables in a one-off job and start the service itself without the owner's password and with
 * {@code spring.flyway.enabled=false} (docker-compose.yml does): a login that owns the tables can rewrite history, so
 * no long-running process should hold its password. Only the data source and Flyway are started, from the service's
 * own settings (the same schemas, locations and placeholders as when the service migrates at start-up); the service's
 * login is not used.
 */
public final class MigrationsOnly {

    public static final String FLAG = "--migrate-only";

    private MigrationsOnly() {}

    public static boolean requested(String... args) {
        return Arrays.asList(args).contains(FLAG);
    }

    public static void run(String... args) {
        new SpringApplicationBuilder(Migrations.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .run(args)
                .close();
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
    static class Migrations {}
}
