package nl.actionledger.query.integrity;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import nl.actionledger.query.audit.AuditTrailVerification;

/**
 * The answer of {@code GET /api/integrity/verify}: the hash chains' verification (its fields at the top level, as before)
 * and the last comparison of the audit trail with the events ({@code auditTrail}).
 */
record Verification(@JsonUnwrapped ChainVerification chains, AuditTrailVerification auditTrail) {}
