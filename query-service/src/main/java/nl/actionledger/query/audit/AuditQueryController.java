package nl.actionledger.query.audit;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.actionledger.query.refusals.BadQueryException;
import nl.actionledger.query.refusals.NotFoundException;
import nl.actionledger.query.time.Period;
import nl.actionledger.query.web.Spreadsheets;
import nl.actionledger.query.web.Spreadsheets.Format;
import nl.actionledger.support.web.ErrorCodes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Who changed what, when and why: per action, and across the plan. */
@RestController
public class AuditQueryController {

    static final String ACTION_AUDIT_TRAIL = "/api/plans/{planId}/actions/{actionId}/audit";
    static final int DEFAULT_SEARCH_PAGE_SIZE = 50;
    static final int MAX_SEARCH_PAGE_SIZE = 200;
    static final int DEFAULT_HISTORY_PAGE_SIZE = 100;
    static final int MAX_HISTORY_PAGE_SIZE = 500;

    private final AuditEntries entries;

    AuditQueryController(AuditEntries entries) {
        this.entries = entries;
    }

    /**
     * One action's audit trail, newest first, a page at a time: {@code before} is the version the previous page ended
     * at (a keyset, so a late page costs what the first does), and the answer links to the next page. Served at
     * {@code .../history} too until the next release, the address it had while "history" also named the plan's past
     * ({@link nl.actionledger.query.web.RenamedPaths}).
     */
    @GetMapping(
            path = {ACTION_AUDIT_TRAIL, "/api/plans/{planId}/actions/{actionId}/history"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ErrorCodes(
            status = HttpStatus.NOT_FOUND,
            value = {"PLAN_NOT_FOUND", "ACTION_NOT_FOUND"})
    public ResponseEntity<ActionAuditTrailPage> actionAuditTrail(
            @PathVariable String planId,
            @PathVariable String actionId,
            @RequestParam(required = false) @Min(0) Long before,
            @RequestParam(defaultValue = "" + DEFAULT_HISTORY_PAGE_SIZE) @Min(1) @Max(MAX_HISTORY_PAGE_SIZE) int size) {
        String aggregateId = planId + "/" + actionId;
        AuditEntries.Slice slice = entries.page(aggregateId, before, size);
        if (slice.entries().isEmpty() && !entries.actionExists(aggregateId)) {
            throw entries.planExists(planId)
                    ? new NotFoundException(
                            "ACTION_NOT_FOUND", "Plan '" + planId + "' has no action '" + actionId + "'.")
                    : new NotFoundException("PLAN_NOT_FOUND", "There is no plan '" + planId + "'.");
        }
        String next = null;
        if (slice.more()) {
            long oldest = slice.entries().get(slice.entries().size() - 1).version();
            next = UriComponentsBuilder.fromPath(ACTION_AUDIT_TRAIL)
                    .queryParam("before", oldest)
                    .queryParam("size", size)
                    .buildAndExpand(planId, actionId)
                    .encode()
                    .toUriString();
        }
        return linkingTo(next).body(new ActionAuditTrailPage(planId, actionId, size, slice.entries(), next));
    }

    /**
     * The entries that match, newest first, a page at a time, as JSON or with {@code ?format=csv} as a spreadsheet of
     * the page: {@code before} is the position the previous page ended at (a keyset, so a late page costs what the
     * first does), and the answer links to the next page. The period is read as on every endpoint ({@link Period}):
     * after {@code from}, up to and including {@code to}, so that consecutive periods never count an event twice.
     *
     * @param page no longer supported: an offset made a late page read every entry before it (refused, not ignored,
     *             so that a client that still pages by number does not get the first page over and over)
     */
    @GetMapping(path = "/api/audit")
    @ApiResponse(
            responseCode = "200",
            description = "A page of the matching entries: JSON, or the page as a spreadsheet with ?format=csv",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = AuditSearchPage.class)),
                @Content(
                        mediaType = "text/csv",
                        schema =
                                @Schema(
                                        type = "string",
                                        description =
                                                "UTF-8, a header row and one row per changed field of an entry (audit-trail.csv)"))
            })
    @ErrorCodes(
            status = HttpStatus.BAD_REQUEST,
            value = {"PAGE_NOT_SUPPORTED", "UNSUPPORTED_FORMAT", "INVALID_PERIOD"})
    @ErrorCodes(status = HttpStatus.TOO_MANY_REQUESTS, value = "TOO_BUSY")
    @ErrorCodes(status = HttpStatus.SERVICE_UNAVAILABLE, value = "QUERY_TIMEOUT")
    public ResponseEntity<?> audit(
            @RequestParam(required = false) @Size(max = 255) String actor,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) @Size(max = 255) String planId,
            @RequestParam(required = false) @Size(max = 255) String actionId,
            @RequestParam(required = false) @Min(0) Long before,
            @RequestParam(defaultValue = "" + DEFAULT_SEARCH_PAGE_SIZE) @Min(1) @Max(MAX_SEARCH_PAGE_SIZE) int size,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String format) {
        if (page != null) {
            throw new BadQueryException(
                    "PAGE_NOT_SUPPORTED",
                    "The audit search is paged by position: pass 'before' "
                            + "(the position of the last entry of the previous page, or follow its 'next' link) instead of 'page'.");
        }
        Format chosen = Spreadsheets.format(format, Format.JSON, Format.CSV);
        Period period = new Period(from, to);
        AuditEntries.Criteria criteria = new AuditEntries.Criteria(actor, period.from(), period.to(), planId, actionId);
        AuditEntries.Slice slice = entries.search(criteria, before, size);
        if (chosen == Format.CSV) {
            return Spreadsheets.download(chosen, "audit-trail").body(AuditSheet.csv(slice.entries()));
        }
        String next = slice.more()
                ? nextSearchPage(
                        criteria,
                        slice.entries().get(slice.entries().size() - 1).position(),
                        size)
                : null;
        return linkingTo(next).body(new AuditSearchPage(size, slice.entries(), next));
    }

    /** The search's next page: the same criteria and size, before the position this page ended at. */
    private static String nextSearchPage(AuditEntries.Criteria criteria, long before, int size) {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("actor", criteria.actor());
        given.put("from", criteria.from());
        given.put("to", criteria.to());
        given.put("planId", criteria.planId());
        given.put("actionId", criteria.actionId());
        UriComponentsBuilder address = UriComponentsBuilder.fromPath("/api/audit");
        Map<String, String> values = new LinkedHashMap<>();
        given.forEach((name, value) -> {
            if (value != null) {
                // A template variable, so that encoding escapes '&', '=' and '+' in a value too.
                address.queryParam(name, "{" + name + "}");
                values.put(name, value.toString());
            }
        });
        return address.queryParam("before", before)
                .queryParam("size", size)
                .encode()
                .buildAndExpand(values)
                .toUriString();
    }

    /**
     * An answer that links to its next page, if any (RFC 8288). The link is a path without scheme and host: the client
     * resolves it against the address it asked.
     */
    private static ResponseEntity.BodyBuilder linkingTo(String next) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (next != null) {
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return response;
    }
}
