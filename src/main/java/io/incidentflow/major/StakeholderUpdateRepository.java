package io.incidentflow.major;

import io.incidentflow.notify.Audience;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StakeholderUpdateRepository extends JpaRepository<StakeholderUpdate, Long> {

    List<StakeholderUpdate> findByIncidentIdOrderByIdAsc(String incidentId);

    Optional<StakeholderUpdate> findFirstByIncidentIdAndAudienceOrderByIdDesc(String incidentId, Audience audience);
}
