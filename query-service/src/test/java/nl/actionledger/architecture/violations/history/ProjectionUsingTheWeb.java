package nl.actionledger.architecture.violations.history;

import nl.actionledger.architecture.violations.web.SomeController;
import org.axonframework.config.ProcessingGroup;

/** Breaks the rule that features do not know the web: a projection holding a controller. */
@ProcessingGroup("violations")
class ProjectionUsingTheWeb {

    SomeController controller;
}
