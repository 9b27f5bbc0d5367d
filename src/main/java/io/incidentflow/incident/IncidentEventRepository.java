package io.incidentflow.incident;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface IncidentEventRepository extends JpaRepository<IncidentEvent, Long> {

    List<IncidentEvent> findByIncidentIdOrderByOccurredAtAscIdAsc(String incidentId);

    boolean existsByIncidentIdAndTypeAndActorAndDetail(String incidentId, String type, String actor, String detail);
}
