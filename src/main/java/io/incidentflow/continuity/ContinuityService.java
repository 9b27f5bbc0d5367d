package io.incidentflow.continuity;

import static io.incidentflow.continuity.ContinuityModel.DECISION_RECOVERY_STRATEGY;

import io.incidentflow.catalog.BusinessService;
import io.incidentflow.catalog.ServiceCatalog;
import io.incidentflow.common.Coded;
import io.incidentflow.engine.BusinessKeys;
import io.incidentflow.engine.EngineClock;
import io.incidentflow.engine.ProcessAdapter;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.common.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What happens in service continuity (Tier 3). Process steps call these methods. */
@Service
@Transactional
public class ContinuityService {

    /** Leaves room in the catalog column for the invocation id that prefixes the lessons. */
    static final int MAX_LESSONS = 3900;

    private final ServiceCatalog catalog;
    private final IncidentService incidents;
    private final BusinessKeys keys;
    private final ProcessAdapter engine;
    private final ContinuityNotifications notifications;
    private final ApplicationEventPublisher events;

    public ContinuityService(ServiceCatalog catalog, IncidentService incidents, BusinessKeys keys,
                             ProcessAdapter engine, ContinuityNotifications notifications,
                             ApplicationEventPublisher events) {
        this.events = events;
        this.catalog = catalog;
        this.incidents = incidents;
        this.keys = keys;
        this.engine = engine;
        this.notifications = notifications;
    }

    public String nextId() {
        return keys.next("continuity_seq", "DR");
    }

    /** Checks the affected services: at least one, each in the catalog, none twice. */
    @Transactional(readOnly = true)
    public void requireServices(List<String> serviceIds) {
        if (serviceIds == null || serviceIds.isEmpty()) {
            throw new InvalidInputException("serviceIds", "names no service (at least one catalog service id)");
        }
        List<String> unknown = serviceIds.stream().filter(id -> catalog.find(id).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("serviceIds", "unknown services " + unknown + " (see GET /api/services)");
        }
        Set<String> seen = new HashSet<>();
        List<String> twice = serviceIds.stream().filter(id -> !seen.add(id)).distinct().toList();
        if (!twice.isEmpty()) {
            throw new InvalidInputException("serviceIds", "names " + twice + " more than once");
        }
    }

    /** The services a Tasklist user typed, e.g. "payments, core-network". */
    public static List<String> parseServiceIds(String text) {
        List<String> ids = new ArrayList<>();
        for (String id : (text == null ? "" : text).split("[,\\s]+")) {
            if (!id.isBlank()) {
                ids.add(id.strip());
            }
        }
        return ids;
    }

    /**
     * The first step: checks the input and gives a direct invocation its id. Called for an incident, the
     * incident is now in Tier 3.
     */
    public Invocation register(String businessKey, String incidentId, List<String> serviceIds, String reason) {
        requireServices(serviceIds);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("invocationReason", "is required");
        }
        // a plain ArrayList: the list becomes a process variable, which must serialize and read back
        Invocation invocation = new Invocation(businessKey != null ? businessKey : nextId(), incidentId,
                new ArrayList<>(serviceIds), reason);
        invocation.incident().ifPresent(id -> incidents.enterContinuity(id, "Service continuity invoked for "
                + String.join(", ", serviceIds) + ": " + reason));
        return invocation;
    }

    /** Decision recovery-strategy for one affected service. */
    @Transactional(readOnly = true)
    public RecoveryAssessment assess(String serviceId) {
        BusinessService service = catalog.get(serviceId);
        Map<String, Object> row = engine.decide(DECISION_RECOVERY_STRATEGY, Map.of(
                "serviceCriticality", service.getCriticality().code(),
                "continuityTier", service.getContinuityTier().code()));
        return new RecoveryAssessment(service, Coded.fromCode(RecoveryOption.class, (String) row.get("recoveryOption")),
                ((Number) row.get("targetRtoMinutes")).intValue(), (String) row.get("invocationCost"),
                (String) row.get("invocationRisk"));
    }

    /** Recovery, cost and risk of every affected service, as the approver reads them. */
    @Transactional(readOnly = true)
    public String assess(Invocation invocation) {
        return invocation.serviceIds().stream().map(id -> assess(id).summary()).collect(Collectors.joining("\n\n"));
    }

    /** The business hears of the invocation; crisis management is paged by the process (page-responder). */
    public void approve(Invocation invocation) {
        notifications.invoked(invocation, invocation.serviceIds().stream().map(this::assess).toList());
        invocation.incident().ifPresent(id -> incidents.note(id, "CONTINUITY_APPROVED",
                "Invocation approved; business continuity told, crisis management paged"));
    }

    /** Nobody approved or declined in time: crisis management is paged by the process. */
    public void approvalOverdue(Invocation invocation, Instant dueAt) {
        invocation.incident().ifPresent(id -> incidents.note(id, "CONTINUITY_APPROVAL_OVERDUE",
                "Invocation " + invocation.id() + " not approved or declined by " + dueAt
                        + "; crisis management paged"));
    }

    /** The incident goes back to major incident management, which hears that continuity will not restore it. */
    public void decline(Invocation invocation, String comment) {
        String reason = "Invocation of service continuity declined"
                + (comment == null || comment.isBlank() ? "" : ": " + comment);
        invocation.incident().ifPresent(id -> {
            incidents.declineContinuity(id, reason);
            events.publishEvent(new ContinuityEndedWithoutRecovery(id, invocation.id(),
                    ContinuityVariables.OUTCOME_DECLINED, reason));
        });
    }

    /** Crisis management is paged by the process; the service's failover goes on. */
    public void escalateRtoBreach(Invocation invocation, String serviceId, Instant dueAt) {
        invocation.incident().ifPresent(id -> incidents.note(id, "RTO_EXCEEDED",
                serviceId + " not recovered by " + dueAt + "; crisis management paged"));
    }

    /** The service did not work at the recovery site after its {@code attempt}th failover. */
    public void failoverFailed(Invocation invocation, String serviceId, int attempt, int maxAttempts, String notes) {
        invocation.incident().ifPresent(id -> incidents.note(id, "FAILOVER_FAILED", serviceId
                + " does not work at the recovery site (failover " + attempt + " of at most " + maxAttempts + ")"
                + (notes == null || notes.isBlank() ? "" : ": " + notes)));
    }

    /**
     * Every affected service works at the recovery site: the major incident takes this as its restoration time.
     * Called once per invocation, after the last service is verified.
     */
    public void recoveryVerified(Invocation invocation) {
        Instant now = EngineClock.now();
        invocation.incident().ifPresent(id -> {
            incidents.note(id, "CONTINUITY_RECOVERY_VERIFIED",
                    String.join(", ", invocation.serviceIds()) + " verified at the recovery site");
            events.publishEvent(new ContinuityRecoveryVerified(id, invocation.id(), now));
        });
    }

    /** The failover was given up; crisis management is paged by the process, the review still takes place. */
    public void abandon(Invocation invocation, String reason) {
        invocation.incident().ifPresent(id -> {
            incidents.note(id, "CONTINUITY_ABANDONED", "Failover abandoned: " + reason
                    + "; crisis management paged");
            events.publishEvent(new ContinuityEndedWithoutRecovery(id, invocation.id(),
                    ContinuityVariables.OUTCOME_ABANDONED, reason));
        });
    }

    /** The last step of every invocation that got past approval: the incident is no longer in Tier 3. */
    public void end(Invocation invocation, String outcome) {
        invocation.incident().ifPresent(id -> incidents.leaveContinuity(id, "Service continuity " + invocation.id()
                + " ended (" + outcome + ")"));
    }

    public void announceRestoration(Invocation invocation, String message) {
        notifications.restored(invocation, message);
        invocation.incident().ifPresent(id -> incidents.note(id, "RESTORED_AT_RECOVERY_SITE",
                String.join(", ", invocation.serviceIds()) + " run at the recovery site"));
    }

    /** When failback starts: the window a person entered, e.g. {@code 2026-06-06T22:00:00+02:00}. */
    public Instant scheduleFailback(Invocation invocation, String windowStart) {
        Instant at;
        try {
            at = OffsetDateTime.parse(windowStart == null ? "" : windowStart).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("failbackWindowStart",
                    "must be a date and time with offset, e.g. 2026-06-06T22:00:00+02:00 (was '" + windowStart + "')");
        }
        invocation.incident().ifPresent(id -> incidents.note(id, "FAILBACK_PLANNED", "Failback window starts " + at));
        return at;
    }

    /** The post-DR review: each affected service's DR plan was reviewed today, with these lessons. */
    public void recordReview(Invocation invocation, String lessonsLearned) {
        if (lessonsLearned == null || lessonsLearned.isBlank() || lessonsLearned.length() > MAX_LESSONS) {
            throw new InvalidInputException("lessonsLearned", "is required, at most " + MAX_LESSONS + " characters");
        }
        catalog.recordDrReview(invocation.serviceIds(), LocalDate.ofInstant(EngineClock.now(), ZoneId.systemDefault()),
                invocation.id() + ": " + lessonsLearned);
        invocation.incident().ifPresent(id -> incidents.note(id, "DR_REVIEWED",
                "Failed back; DR plans of " + String.join(", ", invocation.serviceIds()) + " updated"));
    }
}
