package nl.actionledger.query.webapp;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The sign-in form, whose POST Spring Security's form login takes, and the page for a signed-in user whose role does
 * not allow the page asked for (WebAppSecurity; answered 403).
 */
@Controller
class LoginPage {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @RequestMapping("/denied")
    String denied() {
        return "denied";
    }
}
