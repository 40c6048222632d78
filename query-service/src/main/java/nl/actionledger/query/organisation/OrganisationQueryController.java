package nl.actionledger.query.organisation;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The list of organisations: the ids that assignments, views, reports and filters use, with their names. */
@RestController
@RequestMapping(path = "/api/organisations", produces = MediaType.APPLICATION_JSON_VALUE)
class OrganisationQueryController {

    private final Organisations organisations;

    OrganisationQueryController(Organisations organisations) {
        this.organisations = organisations;
    }

    @GetMapping
    List<OrganisationView> list() {
        return organisations.all();
    }
}
