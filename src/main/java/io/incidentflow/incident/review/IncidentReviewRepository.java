package io.incidentflow.incident.review;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface IncidentReviewRepository extends JpaRepository<IncidentReview, Long> {

    List<IncidentReview> findByIncidentIdOrderByReviewedAtAsc(String incidentId);

    /** Reviews whose cause, contributing factors or actions mention the text (case-insensitive). */
    @Query("""
            select r from IncidentReview r
            where lower(r.cause) like lower(concat('%', :text, '%'))
               or lower(r.contributingFactors) like lower(concat('%', :text, '%'))
               or lower(r.actions) like lower(concat('%', :text, '%'))
            order by r.reviewedAt desc""")
    List<IncidentReview> search(@Param("text") String text);

    List<IncidentReview> findAllByOrderByReviewedAtDesc();
}
