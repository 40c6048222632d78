package nl.actionledger.query.integrity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import nl.actionledger.query.audit.AuditTrailChecks;
import nl.actionledger.query.refusals.BadQueryException;
import nl.actionledger.query.time.Period;
import nl.actionledger.support.web.ErrorCodes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * For auditors: do the hash chains verify, and the events with their hashes to check them themselves. The feature is
 * "integrity" in both services (command-service records the chains' checkpoints in its {@code integrity} package).
 */
@RestController
class IntegrityController {

    private static final String VERIFY = "/api/integrity/verify";
    private static final String EXPORT = "/api/integrity/export";
    /** The addresses before "integrity" named this feature everywhere; served too until the next release. */
    private static final String OLD_VERIFY = "/api/audit/verify";

    private static final String OLD_EXPORT = "/api/audit/export";

    private final ChainVerifications verifications;
    private final AuditTrailChecks auditTrailChecks;
    private final AuditExporter exporter;

    IntegrityController(ChainVerifications verifications, AuditTrailChecks auditTrailChecks, AuditExporter exporter) {
        this.verifications = verifications;
        this.auditTrailChecks = auditTrailChecks;
        this.exporter = exporter;
    }

    /** The last results of the background verifications, at once: they are never computed on the request. */
    @GetMapping(
            path = {VERIFY, OLD_VERIFY},
            produces = MediaType.APPLICATION_JSON_VALUE)
    Verification verify() {
        return new Verification(verifications.latest(), auditTrailChecks.latest());
    }

    /**
     * 202: a full pass over the chains will run (or was already waiting to), and a comparison of every audit entry with
     * its event; follow them at the Location.
     */
    @PostMapping(
            path = {VERIFY, OLD_VERIFY},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED) // what the ResponseEntity answers too; for the API description
    ResponseEntity<ChainVerification.Request> verifyEverything() {
        auditTrailChecks.requestFull();
        return ResponseEntity.accepted().location(URI.create(VERIFY)).body(verifications.requestFull());
    }

    /**
     * @param after the position of the last event of the previous page ({@code nextAfter}); 0 for the first page
     * @param from  exclusive and {@code to} inclusive, as everywhere ({@link Period})
     * @param page  no longer supported: offsets made late pages read every earlier event
     */
    @GetMapping(
            path = {EXPORT, OLD_EXPORT},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ErrorCodes(
            status = HttpStatus.BAD_REQUEST,
            value = {"PAGE_NOT_SUPPORTED", "INVALID_PERIOD", "UNKNOWN_POSITION"})
    @ErrorCodes(
            status = HttpStatus.CONFLICT,
            value = {"AUDIT_TRAIL_REPLAYING", "AUDIT_TRAIL_CATCHING_UP"})
    @ErrorCodes(status = HttpStatus.TOO_MANY_REQUESTS, value = "TOO_BUSY")
    @ErrorCodes(status = HttpStatus.SERVICE_UNAVAILABLE, value = "QUERY_TIMEOUT")
    ResponseEntity<AuditExport> export(
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) @Size(max = 255) String actor,
            @RequestParam(defaultValue = "0") @Min(0) long after,
            @RequestParam(defaultValue = "1000") @Min(1) @Max(10_000) int size,
            @RequestParam(required = false) String page) {
        if (page != null) {
            throw new BadQueryException(
                    "PAGE_NOT_SUPPORTED",
                    "The export is paged by position: pass 'after' (the "
                            + "nextAfter of the previous page, or follow its 'next' link) instead of 'page'.");
        }
        Period period = new Period(from, to);
        String actorFilter = actor == null || actor.isBlank() ? null : actor;
        // The exporter reads [start, end): the same events as (from, to] at PostgreSQL's microseconds.
        AuditExporter.Page result =
                exporter.export(after, period.startInclusive(), period.endExclusive(), actorFilter, size);
        String next = null;
        if (result.nextAfter() != null) {
            // Values as URI variables, so that encode() escapes every reserved character in them ('+', '&').
            UriComponentsBuilder link = UriComponentsBuilder.fromPath(EXPORT);
            Map<String, Object> values = new HashMap<>();
            if (from != null) {
                link.queryParam("from", "{from}");
                values.put("from", from);
            }
            if (to != null) {
                link.queryParam("to", "{to}");
                values.put("to", to);
            }
            if (actorFilter != null) {
                link.queryParam("actor", "{actor}");
                values.put("actor", actorFilter);
            }
            values.put("after", result.nextAfter());
            values.put("size", size);
            next = link.queryParam("after", "{after}")
                    .queryParam("size", "{size}")
                    .encode()
                    .buildAndExpand(values)
                    .toUriString();
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (next != null) {
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return response.body(new AuditExport(
                AuditExport.ALGORITHM,
                result.checkpoint(),
                result.order(),
                after,
                size,
                result.events(),
                result.nextAfter(),
                next,
                result.coverage()));
    }
}
