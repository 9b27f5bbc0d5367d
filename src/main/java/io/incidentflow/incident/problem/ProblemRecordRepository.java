package io.incidentflow.incident.problem;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProblemRecordRepository extends JpaRepository<ProblemRecord, String> {

    List<ProblemRecord> findByStateOrderByOpenedAtAsc(ProblemRecord.State state);

    List<ProblemRecord> findAllByOrderByOpenedAtAsc();
}
