package nl.actionledger.query.audit;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface AuditEntryRepository extends JpaRepository<AuditEntry, String>, JpaSpecificationExecutor<AuditEntry> {

    boolean existsByPlanId(String planId);
}
