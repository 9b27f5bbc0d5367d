package io.incidentflow.notify.page;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PageRepository extends JpaRepository<Page, String> {

    List<Page> findByIncidentIdOrderByOpenedAtAscIdAsc(String incidentId);
}
