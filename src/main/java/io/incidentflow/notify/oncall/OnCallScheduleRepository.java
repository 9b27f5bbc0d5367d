package io.incidentflow.notify.oncall;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OnCallScheduleRepository extends JpaRepository<OnCallSchedule, String> {

    Optional<OnCallSchedule> findByGroupId(String groupId);

    List<OnCallSchedule> findAllByOrderByGroupIdAsc();
}
