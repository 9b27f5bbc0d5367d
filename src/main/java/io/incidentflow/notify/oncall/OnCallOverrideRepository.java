package io.incidentflow.notify.oncall;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OnCallOverrideRepository extends JpaRepository<OnCallOverride, Long> {

    /** Overrides covering {@code at}, the latest created first: it wins where two overlap. */
    @Query("select o from OnCallOverride o where o.scheduleId = :scheduleId and o.startsAt <= :at and o.endsAt > :at "
            + "order by o.createdAt desc, o.id desc")
    List<OnCallOverride> coveringAt(String scheduleId, Instant at);
}
