package io.incidentflow.major;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ExperimentRepository extends JpaRepository<Experiment, Long> {

    List<Experiment> findByIncidentIdOrderByIdAsc(String incidentId);
}
