package nl.actionledger.query.web;

import nl.actionledger.query.refusals.BadQueryException;
import nl.actionledger.query.refusals.ConflictException;
import nl.actionledger.query.refusals.NotFoundException;
import nl.actionledger.support.persistence.DatabaseTimeout;
import nl.actionledger.support.web.LedgerProblemHandling;
import nl.actionledger.support.web.LogSafe;
import nl.actionledger.support.web.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Query-service errors as problem details; see {@link LedgerProblemHandling} for the shared ones. */
@RestControllerAdvice
class QueryProblemHandling extends LedgerProblemHandling {

    private static final Logger log = LoggerFactory.getLogger(QueryProblemHandling.class);

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

    @ExceptionHandler(TooBusyException.class)
    ResponseEntity<Object> onTooBusy(TooBusyException ex) {
        ProblemDetail problem = ProblemWriter.problem(HttpStatus.TOO_MANY_REQUESTS, "TOO_BUSY", ex.getMessage());
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem);
    }

    /**
     * A read the database gave up on at its statement or lock timeout (on the expensive reads' pool,
     * {@code EXPENSIVE_READS_STATEMENT_TIMEOUT}) is no defect of the service: 503 with {@code Retry-After}, and a hint to
     * ask for less. Any other data access failure is left to the shared handling (503 when the database is away, else
     * 500).
     */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Object> onDataAccess(DataAccessException ex) {
        if (!DatabaseTimeout.causedBy(ex)) {
            return onUnexpected(ex);
        }
        log.warn("A read was cancelled at its time limit: {}", LogSafe.of(String.valueOf(ex.getMostSpecificCause())));
        ProblemDetail problem = ProblemWriter.problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "QUERY_TIMEOUT",
                "The question "
                        + "took longer than this service allows a read to take. Try again later, or ask for a shorter period or "
                        + "a smaller page.");
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem);
    }
}
