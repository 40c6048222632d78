package nl.actionledger.query.webapp;

import nl.actionledger.support.security.LedgerSecurityProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The sign-in page (WebAppSecurity): in basic mode the form whose POST Spring Security's form login takes, in jwt mode
 * a button that starts the sign-in at the issuer. Also the page for a signed-in user whose role does not allow the page
 * asked for (answered 403).
 */
@Controller
class LoginPage {

    private final boolean signInAtIssuer;

    LoginPage(LedgerSecurityProperties security) {
        this.signInAtIssuer = security.mode() == LedgerSecurityProperties.Mode.JWT;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("signInAtIssuer", signInAtIssuer);
        model.addAttribute("issuerSignIn", "/oauth2/authorization/" + WebAppSecurity.REGISTRATION);
        return "login";
    }

    @RequestMapping("/denied")
    String denied() {
        return "denied";
    }
}
