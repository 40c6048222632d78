package nl.actionledger.support.persistence;

import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * How Axon reaches PostgreSQL in both services: in Spring's transactions, on the connection a unit of work already
 * holds, so that an event, or a projection's rows and its token, commit together. Declared here because Axon's JDBC
 * and transaction auto-configurations name Spring Boot 3's classes to order themselves after, which Boot 4 no longer
 * has.
 */
@Configuration
public class AxonJdbcConfiguration {

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }
}
