package nl.actionledger.query.web;

import nl.actionledger.support.web.LedgerProblemHandling;
import nl.actionledger.support.web.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Query-service errors as problem details; see {@link LedgerProblemHandling} for the shared ones. */
@RestControllerAdvice
class QueryProblemHandling extends LedgerProblemHandling {

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> onNotFound(NotFoundException ex) {
        return respond(ProblemWriter.problem(HttpStatus.NOT_FOUND, ex.errorCode(), ex.getMessage()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> onConflict(ConflictException ex) {
        return respond(ProblemWriter.problem(HttpStatus.CONFLICT, ex.errorCode(), ex.getMessage()));
    }

    @ExceptionHandler(BadQueryException.class)
    ResponseEntity<Object> onBadQuery(BadQueryException ex) {
        return respond(ProblemWriter.problem(HttpStatus.BAD_REQUEST, ex.errorCode(), ex.getMessage()));
    }

    @ExceptionHandler(ExpensiveReads.TooBusyException.class)
    ResponseEntity<Object> onTooBusy(ExpensiveReads.TooBusyException ex) {
        ProblemDetail problem = ProblemWriter.problem(HttpStatus.TOO_MANY_REQUESTS, "TOO_BUSY", ex.getMessage());
        return ResponseEntity.status(problem.getStatus()).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
    }
}
