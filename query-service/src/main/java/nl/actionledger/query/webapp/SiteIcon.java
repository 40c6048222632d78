package nl.actionledger.query.webapp;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /favicon.ico}, which browsers ask for on their own whenever what a tab shows names no icon (a JSON answer or an
 * export opened in a tab, say): sent on to the web app's icon, without a sign-in and so without making a session. Behind
 * the sign-in, its redirect to the login page made a session whose cookie could take the place of the one a form was
 * opened in, and the form was then refused as expired.
 */
@Controller
class SiteIcon {

    static final String PATH = "/favicon.ico";
    static final String ICON = "/app/icon.svg";

    @GetMapping(PATH)
    ResponseEntity<Void> icon() {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                .location(URI.create(ICON))
                .build();
    }
}
