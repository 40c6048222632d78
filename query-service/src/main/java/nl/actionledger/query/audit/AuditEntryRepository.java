package nl.actionledger.query.audit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface AuditEntryRepository extends JpaRepository<AuditEntry, String>, JpaSpecificationExecutor<AuditEntry> {

    List<AuditEntry> findByAggregateIdOrderBySequenceNumberAsc(String aggregateId);

    boolean existsByPlanId(String planId);
}
