package nl.actionledger.query.webapp;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form; Spring Security's form login takes the POST (WebAppSecurity). */
@Controller
class LoginPage {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
