package nl.actionledger.query.webapp;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.actionledger.query.web.TooBusyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page whose question is an expensive read (the plan through time, the reports, the audit search) asked while every
 * place for such reads is taken answers 429 with a page in the user's language that says to try again in a moment,
 * instead of the API's problem document. Ordered before the API's advice (QueryProblemHandling), which answers the
 * same exception for every other controller.
 */
@ControllerAdvice(basePackageClasses = BusyPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class BusyPage {

    private final WebAppModel pages;

    BusyPage(WebAppModel pages) {
        this.pages = pages;
    }

    @ExceptionHandler(TooBusyException.class)
    ModelAndView busy(Authentication reader, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        ModelAndView page = new ModelAndView("busy", HttpStatus.TOO_MANY_REQUESTS);
        page.addObject("user", pages.user(reader));
        page.addObject("languageLinks", pages.languageLinks(request));
        return page;
    }
}
