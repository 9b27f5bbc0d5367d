package io.incidentflow.notify;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

    List<Notification> findByIncidentIdOrderByIdAsc(String incidentId);
}
