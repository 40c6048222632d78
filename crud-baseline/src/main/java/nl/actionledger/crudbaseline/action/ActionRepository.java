package nl.actionledger.crudbaseline.action;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ActionRepository extends JpaRepository<Action, Long> {

    Optional<Action> findByPlanIdAndActionId(String planId, String actionId);

    boolean existsByPlanIdAndActionId(String planId, String actionId);

    List<Action> findByPlanIdOrderById(String planId);
}
