package nl.actionledger.query.webapp;

import jakarta.servlet.http.HttpServletRequest;
import nl.actionledger.support.security.LedgerSecurityProperties;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The sign-in page (WebAppSecurity): in basic mode the form whose POST Spring Security's form login takes, in jwt mode
 * a button that starts the sign-in at the issuer. Also the page for a signed-in user whose role does not allow the page
 * asked for, or whose form had expired (answered 403, {@link RefusedPages}).
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

    /** Whichever method the refused request had: Spring Security forwards it here as it came. */
    @RequestMapping(RefusedPages.DENIED)
    String denied(HttpServletRequest request, Model model) {
        model.addAttribute(
                "expiredForm", request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException);
        return "denied";
    }
}
