package io.incidentflow.incident;

import io.incidentflow.common.TimelineEventType;
import io.incidentflow.catalog.BusinessService;
import io.incidentflow.catalog.ServiceCatalog;
import io.incidentflow.common.FieldProblem;
import io.incidentflow.common.InvalidInputException;
import io.incidentflow.common.NotFoundException;
import io.incidentflow.engine.BusinessKeys;
import io.incidentflow.engine.CurrentActor;
import io.incidentflow.engine.EngineClock;
import io.incidentflow.notify.Audience;
import io.incidentflow.notify.Notification;
import io.incidentflow.notify.NotificationEvent;
import io.incidentflow.notify.delivery.NotificationService;
import io.incidentflow.notify.delivery.Recipients;
import io.incidentflow.notify.page.PageRecorded;
import io.incidentflow.security.Roles;
import jakarta.validation.Validator;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to an incident. Process steps and the API call these methods; each change is kept in
 * the incident row and appended to its timeline in the same transaction as the process step.
 */
@Service
@Transactional
public class IncidentService {

    /** What {@link #notifyAudience} can fill a template with from the incident alone. */
    private static final Set<String> INCIDENT_NOTIFICATION_VARIABLES = Set.of("summary", "resolution");

    /**
     * The events a process step can send with nothing but the incident. The others need what only the step
     * that sends them knows (a page's level, a bridge's address, a status text and the next update ...).
     */
    public static final Set<NotificationEvent> AUDIENCE_EVENTS = Arrays.stream(NotificationEvent.values())
            .filter(event -> INCIDENT_NOTIFICATION_VARIABLES.containsAll(event.senderVariables()))
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(NotificationEvent.class)));

    private final IncidentRepository incidents;
    private final IncidentEventRepository timeline;
    private final ServiceCatalog catalog;
    private final BusinessKeys keys;
    private final CurrentActor actor;
    private final NotificationService notifications;
    private final IncidentProperties properties;
    private final Validator validator;
    private final ApplicationEventPublisher events;

    public IncidentService(IncidentRepository incidents, IncidentEventRepository timeline, ServiceCatalog catalog,
                           BusinessKeys keys, CurrentActor actor, NotificationService notifications,
                           IncidentProperties properties, Validator validator, ApplicationEventPublisher events) {
        this.validator = validator;
        this.events = events;
        this.incidents = incidents;
        this.timeline = timeline;
        this.catalog = catalog;
        this.keys = keys;
        this.actor = actor;
        this.notifications = notifications;
        this.properties = properties;
    }

    /** Checks what bean validation cannot: that the service is in the catalog. */
    @Transactional(readOnly = true)
    public BusinessService requireService(String serviceId) {
        return catalog.find(serviceId).orElseThrow(() -> new InvalidInputException("serviceId",
                "unknown service '" + serviceId + "' (see GET /api/services)"));
    }

    /** The same checks as the API's, for details that come from a form or an event. */
    public void validate(NewIncident details) {
        List<FieldProblem> problems = validator.validate(details).stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    public String nextId() {
        return keys.next("incident_seq", "INC");
    }

    /** Creates the incident row; {@code id} is null when the process was started without one (Tasklist). */
    public Incident register(String id, NewIncident details, IncidentSource source) {
        validate(details);
        requireService(details.serviceId());
        Incident incident = new Incident(id != null ? id : nextId(), details, source, EngineClock.now());
        incidents.save(incident);
        record(incident, TimelineEventType.LOGGED, "Logged via " + source.name().toLowerCase() + ": " + details.title());
        return incident;
    }

    public BusinessService categorize(String id) {
        Incident incident = get(id);
        BusinessService service = requireService(incident.getServiceId());
        incident.assignTo(service.getResolverGroup(), EngineClock.now());
        record(incident, TimelineEventType.CATEGORIZED, incident.getCategory().code() + " on " + service.getName()
                + ", resolver group " + service.getResolverGroup());
        return service;
    }

    public SlaTargets prioritize(String id, Priority priority, Duration response, Duration resolution) {
        Incident incident = get(id);
        SlaTargets targets = SlaTargets.from(incident.getCreatedAt(), response, resolution, properties.warningRatio());
        incident.prioritize(priority, targets.responseDueAt(), targets.resolutionDueAt(), EngineClock.now());
        record(incident, TimelineEventType.PRIORITIZED, priority + ": respond by " + targets.responseDueAt()
                + ", resolve by " + targets.resolutionDueAt());
        return targets;
    }

    public void recordResponse(String id) {
        Incident incident = get(id);
        if (incident.respond(EngineClock.now())) {
            record(incident, TimelineEventType.RESPONDED, "Taken by " + actor.id());
        }
    }

    /** Records that the clock's target is running out; the model pages the accountable group's lead. */
    public void warn(String id, SlaClock clock) {
        Incident incident = get(id);
        if (!incident.warn(clock, EngineClock.now())) {
            return;
        }
        record(incident, TimelineEventType.SLA_WARNING, clock.code() + " target " + percent() + "% used; lead of "
                + groupAccountableFor(incident, clock) + " paged", clock);
    }

    /** Records that the clock's target was missed; the model pages the accountable group's lead. */
    public void recordBreach(String id, SlaClock clock) {
        Incident incident = get(id);
        incident.breach(clock, EngineClock.now());
        record(incident, TimelineEventType.SLA_BREACHED, clock.code() + " target breached (was due " + dueAt(incident, clock) + ")",
                clock);
    }

    /**
     * Hands the functional escalation over to another resolver group of the catalog or a level-3 group
     * ({@code incidentflow.incident.level-three-groups}); the SLA clocks keep running.
     *
     * @return the group, now the incident's resolver group
     * @throws InvalidInputException naming {@code handOverGroup} when the group is unknown or already has it
     */
    public String handOver(String id, String group) {
        Incident incident = get(id);
        if (group == null || group.isBlank()) {
            throw handOverRefused("is required: the group taking the incident over");
        }
        if (group.equals(incident.getResolverGroup())) {
            throw handOverRefused("'" + group + "' already has the incident");
        }
        Set<String> groups = new TreeSet<>(properties.levelThreeGroups());
        catalog.all().forEach(service -> groups.add(service.getResolverGroup()));
        if (!groups.contains(group)) {
            throw handOverRefused("'" + group + "' is neither a resolver group of the catalog nor a level-3 group (one of "
                    + groups + ")");
        }
        String from = incident.getResolverGroup();
        incident.assignTo(group, EngineClock.now());
        record(incident, TimelineEventType.HANDED_OVER, "Handed over from " + from + " to " + group + " by " + actor.id()
                + "; SLA clocks keep running");
        return group;
    }

    /**
     * Sends the event's template to the audience's distribution lists, for a step an owner adds in Modeler
     * (element template "Notify an audience"). The summary names the service, as the other audiences need it.
     */
    public List<Notification> notifyAudience(String id, Audience audience, NotificationEvent event) {
        if (!AUDIENCE_EVENTS.contains(event) || !event.audiences().contains(audience)) {
            throw new IllegalArgumentException("A step cannot send " + event.code() + " to " + audience.code()
                    + ": it sends " + AUDIENCE_EVENTS.stream().map(NotificationEvent::code).toList()
                    + " to their audiences, the other events need what only their own step knows");
        }
        Incident incident = get(id);
        Map<String, Object> variables = new HashMap<>();
        variables.put("summary", requireService(incident.getServiceId()).getName() + ": " + incident.getTitle());
        if (event.senderVariables().contains("resolution")) {
            if (incident.getResolutionNotes() == null) {
                throw new IllegalStateException("Incident " + id + " is not resolved: " + event.code()
                        + " tells its resolution");
            }
            variables.put("resolution", incident.getResolutionNotes());
        }
        return notifications.send(id, Recipients.audience(audience), event, variables);
    }

    public void hold(String id, String reason) {
        Incident incident = get(id);
        incident.pause(EngineClock.now());
        record(incident, TimelineEventType.ON_HOLD, reason + "; SLA clock paused");
    }

    /** @return how long the incident was on hold, by which its due dates moved */
    public Duration release(String id) {
        Incident incident = get(id);
        Duration held = incident.resume(EngineClock.now());
        record(incident, TimelineEventType.RESUMED, "SLA clock resumed after " + held + " on hold; resolve by "
                + incident.getResolutionDueAt());
        return held;
    }

    public void resolve(String id, ResolutionType type, String notes) {
        Incident incident = get(id);
        incident.resolve(type, notes, EngineClock.now());
        record(incident, TimelineEventType.RESOLVED, type.code() + ": " + notes);
    }

    /** @return how long the incident was resolved, by which its due dates moved */
    public Duration reopen(String id, String comment) {
        Incident incident = get(id);
        Duration resolvedFor = incident.reopen(EngineClock.now());
        record(incident, TimelineEventType.REOPENED, "Caller says not fixed" + (comment == null ? "" : ": " + comment));
        return resolvedFor;
    }

    public void close(String id, String closure) {
        Incident incident = get(id);
        incident.close(closure, EngineClock.now());
        record(incident, TimelineEventType.CLOSED, switch (closure) {
            case "auto" -> "Closed automatically: no answer from the caller within " + properties.closureWait();
            case "major" -> "Closed after the major incident's post-mortem";
            default -> "Closed: caller confirmed service is restored";
        });
    }

    public void escalateToMajor(String id, String reason) {
        Incident incident = get(id);
        incident.escalateToMajor(reason, EngineClock.now());
        record(incident, TimelineEventType.ESCALATED_TO_MAJOR, reason + "; triage decides whether it is a major incident");
    }

    public void activateMajor(String id, String how, Instant timeBoxEndsAt) {
        Incident incident = get(id);
        incident.activateMajor(timeBoxEndsAt, EngineClock.now());
        record(incident, TimelineEventType.MAJOR_ACTIVATED, how + "; continuity decision due " + timeBoxEndsAt);
    }

    public void deactivateMajor(String id, String notes) {
        Incident incident = get(id);
        incident.deactivateMajor(EngineClock.now());
        record(incident, TimelineEventType.MAJOR_DEACTIVATED, "Triage: not a major incident" + (notes == null ? "" : " (" + notes + ")")
                + "; back to normal incident handling");
    }

    public void assignMajorRoles(String id, String commander, String communicationsLead) {
        Incident incident = get(id);
        incident.assignMajorRoles(commander, communicationsLead, EngineClock.now());
        record(incident, TimelineEventType.MAJOR_ROLES, "Incident commander " + commander + ", communications lead " + communicationsLead);
    }

    public void extendTimeBox(String id, Instant endsAt) {
        Incident incident = get(id);
        incident.extendTimeBox(endsAt, EngineClock.now());
        record(incident, TimelineEventType.TIME_BOX_EXTENDED, "Continuity decision deferred; next decision due " + endsAt);
    }

    public void restoreMajor(String id, ResolutionType type, String notes) {
        Incident incident = get(id);
        incident.restoreMajor(type, notes, EngineClock.now());
        record(incident, TimelineEventType.RESTORED, "Major incident: service restored (" + type.code() + "): " + notes);
    }

    public void reopenMajor(String id, String comment) {
        Incident incident = get(id);
        incident.reopenMajor(EngineClock.now());
        record(incident, TimelineEventType.REOPENED, "Caller says not fixed; back to major incident management"
                + (comment == null ? "" : ": " + comment));
    }

    /** Tier 3: service continuity (disaster recovery) is invoked for the incident. */
    public void enterContinuity(String id, String reason) {
        Incident incident = get(id);
        incident.enterContinuity(EngineClock.now());
        record(incident, TimelineEventType.CONTINUITY_INVOKED, reason);
    }

    /** The invocation of service continuity was declined: the incident is a major incident again. */
    public void declineContinuity(String id, String reason) {
        Incident incident = get(id);
        incident.returnToMajor(EngineClock.now());
        record(incident, TimelineEventType.CONTINUITY_DECLINED, reason);
    }

    /**
     * Service continuity invoked for the incident has ended (after its review, or abandoned and reviewed): the
     * incident is a major incident again. Until then its tier CONTINUITY shows the running invocation.
     */
    public void leaveContinuity(String id, String reason) {
        Incident incident = get(id);
        incident.returnToMajor(EngineClock.now());
        record(incident, TimelineEventType.CONTINUITY_ENDED, reason);
    }

    /** Appends a line to the incident's timeline, e.g. from a process step of another feature. */
    public void note(String id, TimelineEventType type, String detail) {
        record(get(id), type, detail);
    }

    /**
     * Appends a line of a code a process owner chose in a model (element template "Record timeline event"),
     * which need not be one of {@link TimelineEventType}. Not published as {@link IncidentRecorded}: its only
     * listener, the metrics, counts none of these codes.
     */
    public void noteModelEvent(String id, String code, String detail) {
        append(get(id), code, detail);
    }

    /**
     * A person opened their join link of the incident's bridge ({@code technical} or {@code business}). The link
     * is the credential, not a login, so the person is named as the actor. Only the first opening is recorded:
     * links get opened again (and by link scanners), the metrics want the time the person first got there.
     *
     * @return whether this was the first time
     */
    public boolean recordBridgeJoin(String id, String personId, String bridge) {
        Incident incident = get(id);
        String detail = "Joined the " + bridge + " bridge";
        if (timeline.existsByIncidentIdAndTypeAndActorAndDetail(id, TimelineEventType.BRIDGE_JOINED.name(), personId, detail)) {
            return false;
        }
        timeline.save(new IncidentEvent(incident.getId(), EngineClock.now(), TimelineEventType.BRIDGE_JOINED.name(), detail, personId));
        return true;
    }

    /** Who was paged, and who acknowledged, is part of what happened to the incident. */
    /** Pages of a direct service continuity invocation (DR-000001) belong to no incident and have no timeline. */
    @EventListener
    public void onPage(PageRecorded page) {
        incidents.findById(page.incidentId()).ifPresent(incident -> record(incident, page.type(), page.detail()));
    }

    @Transactional(readOnly = true)
    public Incident get(String id) {
        return incidents.findById(id).orElseThrow(() -> new NotFoundException("incident", id));
    }

    /** Incidents that are major incidents now (activated, service not yet restored), oldest first. */
    @Transactional(readOnly = true)
    public List<Incident> activeMajorIncidents() {
        return incidents.findByMajorPhaseOrderByCreatedAtAsc(MajorPhase.ACTIVE);
    }

    @Transactional(readOnly = true)
    public List<Incident> search(IncidentFilter filter, Pageable page) {
        return incidents.findAll(filter.toSpecification(), page).getContent();
    }

    @Transactional(readOnly = true)
    public List<IncidentEvent> timeline(String id) {
        get(id);
        return timeline.findByIncidentIdOrderByOccurredAtAscIdAsc(id);
    }

    private static InvalidInputException handOverRefused(String problem) {
        return new InvalidInputException(List.of(new FieldProblem("handOverGroup", problem)));
    }

    private String groupAccountableFor(Incident incident, SlaClock clock) {
        return clock == SlaClock.RESPONSE ? Roles.SERVICE_DESK : incident.getResolverGroup();
    }

    private static Instant dueAt(Incident incident, SlaClock clock) {
        return clock == SlaClock.RESPONSE ? incident.getResponseDueAt() : incident.getResolutionDueAt();
    }

    private long percent() {
        return Math.round(properties.warningRatio() * 100);
    }

    private void record(Incident incident, TimelineEventType type, String detail) {
        record(incident, type, detail, null);
    }

    private void record(Incident incident, TimelineEventType type, String detail, SlaClock clock) {
        append(incident, type.name(), detail);
        events.publishEvent(new IncidentRecorded(incident.getId(), type, clock, incident.getPriority(),
                incident.getTier(), incident.getServiceId(), incident.getCreatedAt(), incident.getResolvedAt()));
    }

    private void append(Incident incident, String type, String detail) {
        timeline.save(new IncidentEvent(incident.getId(), EngineClock.now(), type, truncate(detail), actor.id()));
    }

    private static String truncate(String detail) {
        return detail.length() <= 2000 ? detail : detail.substring(0, 1997) + "...";
    }

    /** Filters of {@code GET /api/incidents}; null means "any". */
    public record IncidentFilter(IncidentState state, IncidentTier tier, Priority priority, String serviceId) {

        Specification<Incident> toSpecification() {
            return Specification.<Incident>where(equal("state", state))
                    .and(equal("tier", tier))
                    .and(equal("priority", priority))
                    .and(equal("serviceId", serviceId));
        }

        private static Specification<Incident> equal(String attribute, Object value) {
            return value == null ? null : (root, query, cb) -> cb.equal(root.get(attribute), value);
        }
    }
}
