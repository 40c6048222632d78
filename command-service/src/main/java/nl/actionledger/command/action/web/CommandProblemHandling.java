package nl.actionledger.command.action.web;

import jakarta.servlet.http.HttpServletRequest;
import nl.actionledger.command.action.ActionChangeRejectedException;
import nl.actionledger.command.catalogue.KnownPlans.UnknownActionException;
import nl.actionledger.command.eventstore.ClockDrift;
import nl.actionledger.command.eventstore.MissingActorException;
import nl.actionledger.command.idempotency.IdempotencyKey;
import nl.actionledger.command.idempotency.IdempotencyKeys;
import nl.actionledger.command.idempotency.StoredAnswer;
import nl.actionledger.command.integrity.CheckpointInProgressException;
import nl.actionledger.command.organisation.OrganisationRejectedException;
import nl.actionledger.command.person.PersonRejectedException;
import nl.actionledger.command.ratelimit.ChangeRateLimitExceededException;
import nl.actionledger.command.timeframe.UnparseableTimeframeException;
import nl.actionledger.support.web.LedgerProblemHandling;
import nl.actionledger.support.web.LogSafe;
import nl.actionledger.support.web.ProblemWriter;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Command-service errors as problem details; see {@link LedgerProblemHandling} for the shared ones. */
@RestControllerAdvice
class CommandProblemHandling extends LedgerProblemHandling {

    private static final Logger log = LoggerFactory.getLogger(CommandProblemHandling.class);

    static HttpStatus statusOf(ActionChangeRejectedException.Reason reason) {
        return switch (reason) {
            case NO_CHANGE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case VERSION_MISMATCH -> HttpStatus.PRECONDITION_FAILED;
            case INVALID_REASON -> HttpStatus.BAD_REQUEST;
            case NOT_PERMITTED -> HttpStatus.FORBIDDEN;
        };
    }

    @ExceptionHandler(ActionChangeRejectedException.class)
    ResponseEntity<Object> onRejected(ActionChangeRejectedException ex, HttpServletRequest request) {
        HttpStatus status = statusOf(ex.reason());
        if (ex.reason() == ActionChangeRejectedException.Reason.NOT_PERMITTED) {
            // A refusal is not a domain event, but it is worth a line for whoever watches the logs.
            log.warn(
                    "Refused {} {} by {}: {}",
                    request.getMethod(),
                    LogSafe.of(request.getRequestURI()),
                    LogSafe.of(request.getRemoteUser()),
                    ex.getMessage());
        }
        return respond(ProblemWriter.problem(status, ex.errorCode(), ex.getMessage()));
    }

    @ExceptionHandler(PersonRejectedException.class)
    ResponseEntity<Object> onPersonRejected(PersonRejectedException ex) {
        HttpStatus status = switch (ex.reason()) {
            case INVALID_PERSON_ID, INVALID_REASON -> HttpStatus.BAD_REQUEST;
            case PERSON_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case PERSON_ALREADY_ERASED -> HttpStatus.CONFLICT;
        };
        return respond(ProblemWriter.problem(status, ex.errorCode(), ex.getMessage()));
    }

    @ExceptionHandler(OrganisationRejectedException.class)
    ResponseEntity<Object> onOrganisationRejected(OrganisationRejectedException ex, HttpServletRequest request) {
        HttpStatus status = switch (ex.reason()) {
            case INVALID_ORGANISATION_ID, INVALID_ALIAS, UNKNOWN_ORGANISATION, INVALID_REASON -> HttpStatus.BAD_REQUEST;
            case ALIAS_TAKEN -> HttpStatus.CONFLICT;
            case ORGANISATION_NOT_LISTED -> HttpStatus.FORBIDDEN;
            case NO_CHANGE -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        if (status == HttpStatus.FORBIDDEN) {
            log.warn(
                    "Refused {} {} by {}: their organisation is not on the list",
                    request.getMethod(),
                    LogSafe.of(request.getRequestURI()),
                    LogSafe.of(request.getRemoteUser()));
        }
        return respond(ProblemWriter.problem(status, ex.errorCode(), ex.getMessage()));
    }

    @ExceptionHandler(UnknownActionException.class)
    ResponseEntity<Object> onUnknownAction(UnknownActionException ex) {
        return respond(ProblemWriter.problem(HttpStatus.NOT_FOUND, ex.errorCode(), ex.getMessage()));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> onActionNotRegistered(AggregateNotFoundException ex) {
        return respond(ProblemWriter.problem(
                HttpStatus.NOT_FOUND, "ACTION_NOT_FOUND", "The action is not in the ledger (yet)."));
    }

    @ExceptionHandler(UnparseableTimeframeException.class)
    ResponseEntity<Object> onUnparseableTimeframe(UnparseableTimeframeException ex) {
        return respond(ProblemWriter.problem(HttpStatus.BAD_REQUEST, "UNPARSEABLE_TIMEFRAME", ex.getMessage()));
    }

    @ExceptionHandler(IfMatch.InvalidIfMatchException.class)
    ResponseEntity<Object> onInvalidIfMatch(IfMatch.InvalidIfMatchException ex) {
        return respond(ProblemWriter.problem(HttpStatus.BAD_REQUEST, "INVALID_IF_MATCH", ex.getMessage()));
    }

    @ExceptionHandler(IfMatch.WeakIfMatchException.class)
    ResponseEntity<Object> onWeakIfMatch(IfMatch.WeakIfMatchException ex) {
        return respond(ProblemWriter.problem(HttpStatus.PRECONDITION_FAILED, "VERSION_MISMATCH", ex.getMessage()));
    }

    @ExceptionHandler(CorrelationId.InvalidCorrelationIdException.class)
    ResponseEntity<Object> onInvalidCorrelationId(CorrelationId.InvalidCorrelationIdException ex) {
        return respond(ProblemWriter.problem(HttpStatus.BAD_REQUEST, "INVALID_CORRELATION_ID", ex.getMessage()));
    }

    /** Sign-in let a request through without a user name; what it would have changed is not recorded anonymously. */
    @ExceptionHandler(MissingActorException.class)
    ResponseEntity<Object> onMissingActor(MissingActorException ex) {
        log.error("Refused to record a change without an actor: {}", ex.getMessage());
        return respond(ProblemWriter.problem(
                HttpStatus.UNAUTHORIZED,
                "UNAUTHENTICATED",
                "Your sign-in names no user, so the change cannot be recorded."));
    }

    /** Still conflicting after the gateway's retries: nothing was stored, the client may try again. */
    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> onConcurrentChange(ConcurrencyException ex) {
        return respond(ProblemWriter.problem(
                HttpStatus.CONFLICT,
                "CONCURRENT_MODIFICATION",
                "Another change to this action was recorded at the same moment. Nothing was stored; try again."));
    }

    /**
     * The database refused the event's time stamp: a fault of this deployment's clocks that every change will meet until
     * an operator fixes them, so it is logged as an error and answered as the service being unavailable.
     */
    @ExceptionHandler(EventStoreException.class)
    ResponseEntity<Object> onEventStoreRefusal(EventStoreException ex) {
        if (!ClockDrift.refused(ex)) {
            return onUnexpected(ex);
        }
        log.error(
                "The event store refused a change: command-service's clock is more than 10 seconds from the "
                        + "database's. Synchronise the clocks (NTP); nothing is stored until then. {}",
                ex.getMessage());
        ProblemDetail problem = ProblemWriter.problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "CLOCK_DRIFT",
                "The change could not be recorded because the service's clock disagrees with the database's. "
                        + "Nothing was stored; try again later.");
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, "60")
                .body(problem);
    }

    /** The refusal the same request got the first time, as it was given then. */
    @ExceptionHandler(ActionCommandController.ReplayedRefusal.class)
    ResponseEntity<Object> onReplayedRefusal(ActionCommandController.ReplayedRefusal ex) {
        StoredAnswer first = ex.answer();
        ProblemDetail problem =
                ProblemWriter.problem(HttpStatus.valueOf(first.status()), first.errorCode(), first.detail());
        return ResponseEntity.status(first.status())
                .header(ActionCommandController.REPLAYED, "true")
                .header(CorrelationId.HEADER, first.correlationId())
                .body(problem);
    }

    @ExceptionHandler(IdempotencyKey.InvalidIdempotencyKeyException.class)
    ResponseEntity<Object> onInvalidIdempotencyKey(IdempotencyKey.InvalidIdempotencyKeyException ex) {
        return respond(ProblemWriter.problem(HttpStatus.BAD_REQUEST, "INVALID_IDEMPOTENCY_KEY", ex.getMessage()));
    }

    @ExceptionHandler(IdempotencyKeys.IdempotencyKeyReusedException.class)
    ResponseEntity<Object> onReusedIdempotencyKey(IdempotencyKeys.IdempotencyKeyReusedException ex) {
        return respond(
                ProblemWriter.problem(HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED", ex.getMessage()));
    }

    @ExceptionHandler(ChangeRateLimitExceededException.class)
    ResponseEntity<Object> onRateLimited(ChangeRateLimitExceededException ex) {
        ProblemDetail problem = ProblemWriter.problem(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", ex.getMessage());
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
                .body(problem);
    }

    @ExceptionHandler(CheckpointInProgressException.class)
    ResponseEntity<Object> onCheckpointInProgress(CheckpointInProgressException ex) {
        ProblemDetail problem = ProblemWriter.problem(HttpStatus.TOO_MANY_REQUESTS, "TOO_BUSY", ex.getMessage());
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem);
    }

    @ExceptionHandler(CommandOutcomeUnknownException.class)
    ResponseEntity<Object> onTimeout(CommandOutcomeUnknownException ex) {
        // A 503 without Retry-After leaves a client guessing; the command gives up after 10 s, so try after a few.
        ProblemDetail problem =
                ProblemWriter.problem(HttpStatus.SERVICE_UNAVAILABLE, "OUTCOME_UNKNOWN", ex.getMessage());
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem);
    }
}
