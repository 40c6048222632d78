package nl.actionledger.architecture.violations.history;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Keeps the rule: a feature's controller is where the web belongs, and so is the class the compiler makes for its
 * switch over one of the web's enums.
 */
@RestController
class HistoryController {

    @GetMapping("/violations")
    String answer(RequestMethod method) {
        return switch (method) {
            case GET -> "read";
            default -> "other";
        };
    }
}
