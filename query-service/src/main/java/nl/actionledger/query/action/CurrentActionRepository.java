package nl.actionledger.query.action;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface CurrentActionRepository extends JpaRepository<CurrentAction, String>, JpaSpecificationExecutor<CurrentAction> {

    boolean existsByPlanId(String planId);
}
