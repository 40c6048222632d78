package nl.actionledger.query.webapp;

import jakarta.servlet.http.HttpServletRequest;
import nl.actionledger.query.web.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * An unknown plan or action asked for on a page (a link typed by hand, an action since renamed) answers 404 with a
 * page in the user's language that says so, instead of the API's problem document. Ordered before the API's advice
 * (QueryProblemHandling), which answers the same exception for every other controller.
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
        ModelAndView page = new ModelAndView("not-found", HttpStatus.NOT_FOUND);
        page.addObject("errorCode", e.errorCode());
        page.addObject("user", pages.user(reader));
        page.addObject("languageLinks", pages.languageLinks(request));
        return page;
    }
}
