package nl.actionledger.query.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.actionledger.query.web.BadQueryException;
import nl.actionledger.query.web.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Who changed what, when and why: per action, and across the plan. */
@RestController
@Transactional(readOnly = true)
class AuditQueryController {

    static final int MAX_PAGE_SIZE = 200;
    static final int DEFAULT_HISTORY_PAGE_SIZE = 100;
    static final int MAX_HISTORY_PAGE_SIZE = 500;

    private final AuditEntryRepository entries;
    private final ActionHistories histories;

    AuditQueryController(AuditEntryRepository entries, ActionHistories histories) {
        this.entries = entries;
        this.histories = histories;
    }

    /**
     * One action's audit trail, newest first, a page at a time: {@code before} is the version the previous page ended
     * at (a keyset, so a late page costs what the first does), and the answer links to the next page.
     */
    @GetMapping(path = "/api/plans/{planId}/actions/{actionId}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ActionHistoryPage> history(@PathVariable String planId, @PathVariable String actionId,
                                              @RequestParam(required = false) @Min(0) Long before,
                                              @RequestParam(defaultValue = "" + DEFAULT_HISTORY_PAGE_SIZE) @Min(1)
                                              @Max(MAX_HISTORY_PAGE_SIZE) int size) {
        String aggregateId = planId + "/" + actionId;
        ActionHistories.Slice slice = histories.page(aggregateId, before, size);
        if (slice.entries().isEmpty() && !histories.exists(aggregateId)) {
            throw entries.existsByPlanId(planId)
                    ? new NotFoundException("ACTION_NOT_FOUND", "Plan '" + planId + "' has no action '" + actionId + "'.")
                    : new NotFoundException("PLAN_NOT_FOUND", "There is no plan '" + planId + "'.");
        }
        String next = null;
        if (slice.more()) {
            long oldest = slice.entries().get(slice.entries().size() - 1).version();
            // A path without scheme and host: the client resolves it against the address it asked (RFC 8288).
            next = UriComponentsBuilder.fromPath("/api/plans/{planId}/actions/{actionId}/history")
                    .queryParam("before", oldest).queryParam("size", size)
                    .buildAndExpand(planId, actionId).encode().toUriString();
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (next != null) {
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return response.body(new ActionHistoryPage(planId, actionId, size, slice.entries(), next));
    }

    /**
     * @param from inclusive
     * @param to   exclusive, so that consecutive periods never count an event twice
     */
    @GetMapping(path = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    AuditPage audit(@RequestParam(required = false) @Size(max = 255) String actor,
                    @RequestParam(required = false) Instant from,
                    @RequestParam(required = false) Instant to,
                    @RequestParam(required = false) @Size(max = 255) String planId,
                    @RequestParam(required = false) @Size(max = 255) String actionId,
                    @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                    @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new BadQueryException("INVALID_PERIOD", "'from' must lie before 'to'.");
        }
        Page<AuditEntry> result = entries.findAll(matching(actor, from, to, planId, actionId),
                PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "globalIndex")));
        return new AuditPage(result.map(AuditEntryView::of).getContent(), page, size, result.getTotalElements(),
                result.getTotalPages());
    }

    private static Specification<AuditEntry> matching(String actor, Instant from, Instant to, String planId,
                                                      String actionId) {
        return (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (actor != null && !actor.isBlank()) {
                predicates.add(cb.equal(root.get("actor"), actor));
            }
            if (from != null) {
                predicates.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), from));
            }
            if (to != null) {
                predicates.add(cb.lessThan(root.get("occurredAt"), to));
            }
            if (planId != null && !planId.isBlank()) {
                predicates.add(cb.equal(root.get("planId"), planId));
            }
            if (actionId != null && !actionId.isBlank()) {
                predicates.add(cb.equal(root.get("actionId"), actionId));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }
}
