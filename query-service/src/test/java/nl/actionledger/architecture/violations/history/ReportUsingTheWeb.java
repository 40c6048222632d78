package nl.actionledger.architecture.violations.history;

import org.springframework.web.util.UriComponentsBuilder;

/** Breaks the rule that features do not know the web: a report that builds a URL. */
class ReportUsingTheWeb {

    String link() {
        return UriComponentsBuilder.fromPath("/api/plans").toUriString();
    }
}
