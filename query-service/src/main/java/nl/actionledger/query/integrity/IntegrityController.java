package nl.actionledger.query.integrity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import nl.actionledger.query.web.BadQueryException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For auditors: does the history verify, and the events with their hashes to check it themselves. */
@RestController
class IntegrityController {

    private static final String VERIFY = "/api/audit/verify";
    private static final String EXPORT = "/api/audit/export";

    private final ChainVerifications verifications;
    private final AuditExporter exporter;

    IntegrityController(ChainVerifications verifications, AuditExporter exporter) {
        this.verifications = verifications;
        this.exporter = exporter;
    }

    /** The last result of the background verification, at once: it is never computed on the request. */
    @GetMapping(path = VERIFY, produces = MediaType.APPLICATION_JSON_VALUE)
    ChainVerification verify() {
        return verifications.latest();
    }

    /** 202: a full pass will run (or was already waiting to); follow it at the Location. */
    @PostMapping(path = VERIFY, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ChainVerification.Request> verifyEverything() {
        return ResponseEntity.accepted().location(URI.create(VERIFY)).body(verifications.requestFull());
    }

    @GetMapping(path = EXPORT, produces = MediaType.APPLICATION_JSON_VALUE)
    AuditExport export(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                       @RequestParam(required = false) @Size(max = 255) String actor,
                       @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                       @RequestParam(defaultValue = "1000") @Min(1) @Max(10_000) int size) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new BadQueryException("INVALID_PERIOD", "'from' must lie before 'to'.");
        }
        return exporter.export(from, to, actor == null || actor.isBlank() ? null : actor, page, size);
    }
}
