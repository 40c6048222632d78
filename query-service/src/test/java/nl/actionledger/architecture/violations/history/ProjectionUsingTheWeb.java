package nl.actionledger.architecture.violations.history;

import nl.actionledger.architecture.violations.web.SomeController;
import org.axonframework.config.ProcessingGroup;

/** Breaks the rule that projections do not know the web. */
@ProcessingGroup("violations")
class ProjectionUsingTheWeb {

    SomeController controller;
}
