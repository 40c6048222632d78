package nl.actionledger.query.config;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The main pool exactly as Spring Boot would make it ({@code spring.datasource.*}, {@code spring.datasource.hikari.*}),
 * and beside it the expensive reads' own pool, behind one {@link ExpensiveReadPool}. The small pool has one connection
 * per expensive read that may run at once and one for the chain verification's background pass, so a read that got a
 * place in the bulkhead never waits for a connection; its connections are read-only, run statements under their own
 * timeout, and show as {@value ExpensiveReadPool#APPLICATION_NAME} in {@code pg_stat_activity}.
 */
@Configuration
class DataSourceConfiguration {

    @Bean
    ExpensiveReadPool dataSource(
            DataSourceProperties properties,
            Environment environment,
            ObjectProvider<MeterRegistry> meters,
            @Value("${actionledger.expensive-reads.max-concurrent}") int maxConcurrent,
            @Value("${actionledger.expensive-reads.statement-timeout}") Duration statementTimeout) {
        if (statementTimeout.isNegative() || statementTimeout.isZero()) {
            throw new IllegalStateException("actionledger.expensive-reads.statement-timeout "
                    + "(EXPENSIVE_READS_STATEMENT_TIMEOUT) must be positive; it is " + statementTimeout);
        }
        HikariDataSource main = properties
                .initializeDataSourceBuilder()
                .type(HikariDataSource.class)
                .build();
        Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(main));

        HikariDataSource expensiveReads = properties
                .initializeDataSourceBuilder()
                .type(HikariDataSource.class)
                .build();
        expensiveReads.setPoolName(ExpensiveReadPool.POOL_NAME);
        expensiveReads.setMaximumPoolSize(Math.max(1, maxConcurrent) + 1);
        expensiveReads.setMinimumIdle(1);
        expensiveReads.setReadOnly(true);
        // Every statement read-only, not only those in transactions (the driver's default).
        expensiveReads.addDataSourceProperty("readOnlyMode", "always");
        expensiveReads.setConnectionTimeout(main.getConnectionTimeout());
        expensiveReads.setValidationTimeout(main.getValidationTimeout());
        expensiveReads.addDataSourceProperty("ApplicationName", ExpensiveReadPool.APPLICATION_NAME);
        expensiveReads.setConnectionInitSql("SET statement_timeout = '" + statementTimeout.toMillis() + "ms'; "
                + "SET lock_timeout = '5s'; SET idle_in_transaction_session_timeout = '15s'");
        meters.ifAvailable(expensiveReads::setMetricRegistry);
        return new ExpensiveReadPool(main, expensiveReads);
    }
}
