package io.incidentflow.notify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

    List<Notification> findByIncidentIdOrderByIdAsc(String incidentId);

    List<Notification> findByPageIdOrderByIdAsc(String pageId);

    Optional<Notification> findByMessageKey(String messageKey);

    /** Every message of the page records who acknowledged it and when. */
    @Modifying
    @Query("update Notification n set n.acknowledgedBy = :by, n.acknowledgedAt = :at where n.pageId = :pageId")
    int acknowledgePage(String pageId, String by, Instant at);
}
