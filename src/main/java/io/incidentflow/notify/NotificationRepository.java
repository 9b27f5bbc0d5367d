package io.incidentflow.notify;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

    List<Notification> findByIncidentIdOrderByIdAsc(String incidentId);

    List<Notification> findByPageIdOrderByIdAsc(String pageId);

    Optional<Notification> findByMessageKey(String messageKey);
}
