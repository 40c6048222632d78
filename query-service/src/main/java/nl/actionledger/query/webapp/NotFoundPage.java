package nl.actionledger.query.webapp;

import jakarta.servlet.http.HttpServletRequest;
import nl.actionledger.query.refusals.NotFoundException;
import nl.actionledger.support.web.LedgerProblemHandling;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The web app's "not found" page, in the user's language, instead of the API's problem document: for an unknown plan or
 * action asked for on a page (a link typed by hand, an action since renamed), and for an address nothing is served at
 * outside the API's ({@link UnknownAddresses}). Ordered before the API's advice (QueryProblemHandling), which answers
 * the same exceptions everywhere else.
 */
@ControllerAdvice(basePackageClasses = NotFoundPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotFoundPage {

    private final WebAppModel pages;

    NotFoundPage(WebAppModel pages) {
        this.pages = pages;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e, Authentication reader, HttpServletRequest request) {
        return page(e.errorCode(), reader, request);
    }

    ModelAndView page(String errorCode, Authentication reader, HttpServletRequest request) {
        ModelAndView page = new ModelAndView("not-found", HttpStatus.NOT_FOUND);
        page.addObject("errorCode", errorCode);
        page.addObject("user", pages.user(reader));
        page.addObject("languageLinks", pages.languageLinks(request));
        return page;
    }

    /**
     * An address no controller or static file answers. Such an address is not a controller's, so this advice applies to
     * every handler; the API's addresses keep the API's answer.
     */
    @ControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class UnknownAddresses {

        private final NotFoundPage notFound;

        UnknownAddresses(NotFoundPage notFound) {
            this.notFound = notFound;
        }

        @ExceptionHandler(NoResourceFoundException.class)
        Object unknown(NoResourceFoundException e, Authentication reader, HttpServletRequest request) {
            if (WebAppSecurity.API.matches(request)) {
                return ResponseEntity.status(HttpStatus.NOT_FOUND).body(LedgerProblemHandling.nothingAtThisAddress());
            }
            return notFound.page("NOT_FOUND", reader, request);
        }
    }
}
