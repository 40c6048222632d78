package nl.actionledger.crudbaseline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The yardstick for Action Ledger's write path: the plain CRUD service with an audit table that a team would
 * otherwise build on the same stack, with the same change endpoints, rules and sign-in. The benchmark drives both
 * with the same load in the same run; this service is not part of the product.
 */
@SpringBootApplication
public class CrudBaselineApplication {

    public static void main(String[] args) {
        SpringApplication.run(CrudBaselineApplication.class, args);
    }
}
