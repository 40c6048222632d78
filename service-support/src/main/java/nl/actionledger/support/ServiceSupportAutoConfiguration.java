package nl.actionledger.support;

import nl.actionledger.support.observe.LoggedEventCounts;
import nl.actionledger.support.observe.TracingConfiguration;
import nl.actionledger.support.organisation.EventUpcasting;
import nl.actionledger.support.persistence.AxonJdbcConfiguration;
import nl.actionledger.support.persistence.DatabaseLoginCheck;
import nl.actionledger.support.security.CurrentUsers;
import nl.actionledger.support.security.LedgerSecurityConfiguration;
import nl.actionledger.support.serialization.MetaDataDeserialization;
import nl.actionledger.support.web.ApiDescription;
import nl.actionledger.support.web.ProblemErrorReportValve;
import nl.actionledger.support.web.ProblemWriter;
import nl.actionledger.support.web.Refusals;
import nl.actionledger.support.web.RefusalsCounted;
import nl.actionledger.support.web.RequestSizeLimit;
import nl.actionledger.support.web.StrictJson;
import nl.actionledger.support.web.StringValueBinding;
import nl.actionledger.support.web.WholeResponses;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigureOrder;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * What both services share (security, problem answers, the event table's JDBC wiring, upcasting, reading metadata,
 * tracing), found on
 * the classpath as a Spring Boot auto-configuration rather than by each service scanning this library's packages.
 * First of all auto-configurations, as the scanned classes were: Boot's security and tracing and Axon's
 * auto-configurations back off when they find the beans declared here (a security filter chain, a connection provider,
 * a token store, a span factory, a tracer, the log's event counters), and must see them declared already.
 */
@AutoConfiguration
@AutoConfigureOrder(Ordered.HIGHEST_PRECEDENCE)
@Import({
    ApiDescription.class,
    AxonJdbcConfiguration.class,
    DatabaseLoginCheck.class,
    EventUpcasting.class,
    CurrentUsers.class,
    LedgerSecurityConfiguration.class,
    LoggedEventCounts.class,
    MetaDataDeserialization.class,
    ProblemErrorReportValve.Installer.class,
    ProblemWriter.class,
    Refusals.class,
    RefusalsCounted.class,
    RequestSizeLimit.class,
    StrictJson.class,
    StringValueBinding.class,
    TracingConfiguration.class,
    WholeResponses.class
})
public class ServiceSupportAutoConfiguration {}
