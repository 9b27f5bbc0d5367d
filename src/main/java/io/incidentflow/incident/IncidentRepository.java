package io.incidentflow.incident;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface IncidentRepository extends JpaRepository<Incident, String>, JpaSpecificationExecutor<Incident> {

    List<Incident> findByMajorPhaseOrderByCreatedAtAsc(MajorPhase phase);
}
