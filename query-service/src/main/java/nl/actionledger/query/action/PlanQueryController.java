package nl.actionledger.query.action;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The plans there are, so that a client need not know a plan's id beforehand. */
@RestController
public class PlanQueryController {

    private final CurrentActions actions;

    PlanQueryController(CurrentActions actions) {
        this.actions = actions;
    }

    @GetMapping(path = "/api/plans", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<PlanSummary> plans() {
        return actions.plans();
    }
}
