package io.incidentflow.major;

import io.incidentflow.common.TimelineEventType;
import io.incidentflow.notify.Audience;
import static io.incidentflow.major.MajorIncidentVariables.*;

import io.incidentflow.catalog.BusinessService;
import io.incidentflow.catalog.ServiceCatalog;
import io.incidentflow.common.ConflictException;
import io.incidentflow.common.FieldProblem;
import io.incidentflow.common.InvalidInputException;
import io.incidentflow.common.NotFoundException;
import io.incidentflow.continuity.ContinuityEndedWithoutRecovery;
import io.incidentflow.continuity.ContinuityModel;
import io.incidentflow.continuity.ContinuityProperties;
import io.incidentflow.continuity.ContinuityRecoveryVerified;
import io.incidentflow.continuity.ContinuityService;
import io.incidentflow.continuity.ContinuityVariables;
import io.incidentflow.engine.CurrentActor;
import io.incidentflow.engine.EngineClock;
import io.incidentflow.engine.Identities;
import io.incidentflow.engine.ProcessAdapter;
import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.incident.MajorPhase;
import io.incidentflow.incident.MonitoringRecoveryReported;
import io.incidentflow.incident.ResolutionType;
import io.incidentflow.incident.process.IncidentModel;
import io.incidentflow.incident.process.IncidentVariables;
import io.incidentflow.notify.NotificationContent;
import io.incidentflow.notify.delivery.NotificationService;
import io.incidentflow.notify.delivery.Recipients;

import io.incidentflow.security.CurrentUser;
import io.incidentflow.security.Roles;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tier 2: what happens to a major incident. The steps of {@code major-incident.bpmn} and the API call
 * these methods; the incident row and its timeline change in the same transaction as the step.
 */
@Service
@Transactional
public class MajorIncidentService {

    private final IncidentService incidents;
    private final ServiceCatalog catalog;
    private final ProcessAdapter engine;
    private final NotificationService notifications;
    private final MajorIncidentProperties properties;
    private final ExperimentRepository experiments;
    private final StakeholderUpdateRepository updates;
    private final CurrentActor actor;
    private final Identities identities;
    private final ContinuityProperties continuityProperties;
    private final ContinuityService continuity;

    public MajorIncidentService(IncidentService incidents, ServiceCatalog catalog, ProcessAdapter engine,
                                NotificationService notifications, MajorIncidentProperties properties,
                                ExperimentRepository experiments, StakeholderUpdateRepository updates,
                                CurrentActor actor, Identities identities,
                                ContinuityProperties continuityProperties, ContinuityService continuity) {
        this.continuityProperties = continuityProperties;
        this.continuity = continuity;
        this.incidents = incidents;
        this.catalog = catalog;
        this.engine = engine;
        this.notifications = notifications;
        this.properties = properties;
        this.experiments = experiments;
        this.updates = updates;
        this.actor = actor;
        this.identities = identities;
    }

    /**
     * A person declares the incident major: the incident process leaves its current step for triage.
     * Who may is checked by the API ({@link MajorIncidentController#declare}).
     */
    public Incident declare(String incidentId, String reason, CurrentUser user) {
        Incident incident = incidents.get(incidentId);
        Map<String, Object> variables = new HashMap<>();
        IncidentVariables.DECLARED_REASON.putInto(variables, "Declared by " + user.userId() + ": " + reason);
        if (!engine.correlate(incidentId, IncidentModel.MESSAGE_MAJOR_INCIDENT_DECLARED, variables)) {
            throw new ConflictException(incidentId + " cannot be declared a major incident now: it is " + (
                    incident.getMajorPhase() == MajorPhase.TRIAGE || incident.getMajorPhase() == MajorPhase.ACTIVE
                            ? "already in major incident management (" + incident.getMajorPhase().code() + ")"
                            : incident.getState().name().toLowerCase().replace('_', ' ')
                              + " and no longer being restored"));
        }
        return incidents.get(incidentId);
    }

    /** @return how long triage has to decide */
    public Duration openTriage(String incidentId) {
        incidents.note(incidentId, TimelineEventType.TRIAGE_OPENED, "Triage team paged; without a decision by "
                + EngineClock.now().plus(properties.triageTimeBox()) + " the major incident is activated");
        return properties.triageTimeBox();
    }

    /** Triage activated it (or did not decide in time): starts the time box and the update cadence. */
    public Activation activate(String incidentId, boolean decidedByTriage) {
        Incident incident = incidents.get(incidentId);
        BusinessService service = service(incident);
        Instant timeBoxEndsAt = EngineClock.now().plus(properties.timeBox().get(service.getContinuityTier()));
        incidents.activateMajor(incidentId, decidedByTriage ? "Major incident activated by triage"
                : "Major incident activated: no triage decision within " + properties.triageTimeBox(), timeBoxEndsAt);
        return new Activation(timeBoxEndsAt, properties.updateCycle(incident.getPriority()),
                properties.technicalBridge(), properties.businessBridge());
    }

    public record Activation(Instant timeBoxEndsAt, String stakeholderUpdateCycle, String technicalBridge,
                             String businessBridge) {
    }

    public void deactivate(String incidentId, String notes) {
        incidents.deactivateMajor(incidentId, notes);
    }

    /** Tells responders where the technical bridge is and business stakeholders where the business bridge is. */
    public void announceBridges(String incidentId) {
        Incident incident = incidents.get(incidentId);
        String technical = properties.bridge(incident.getServiceId(), Audience.TECHNICAL);
        String business = properties.bridge(incident.getServiceId(), Audience.BUSINESS);
        for (String responders : List.of(incident.getResolverGroup(), Roles.MAJOR_INCIDENT_MANAGERS)) {
            notifications.announce(incidentId, Recipients.onCall(responders),
                    new NotificationContent.BridgeOpened(incident.getTitle(), "technical", technical));
        }
        notifications.announce(incidentId, Recipients.audience(Audience.BUSINESS),
                new NotificationContent.BridgeOpened(incident.getTitle(), "business", business));
        incidents.note(incidentId, TimelineEventType.BRIDGES_OPENED, "Technical bridge: " + technical + "; business bridge: " + business);
    }

    /** The incident commander and communications lead must be Camunda users: tasks are assigned to them. */
    public void assignRoles(String incidentId, String commander, String communicationsLead) {
        requireUser(INCIDENT_COMMANDER.name(), commander);
        requireUser(COMMUNICATIONS_LEAD.name(), communicationsLead);
        incidents.assignMajorRoles(incidentId, commander, communicationsLead);
    }

    /** Starts an experiment beside any others running; only while the major incident is active. */
    public Experiment proposeExperiment(String incidentId, String hypothesis, String action) {
        Incident incident = incidents.get(incidentId);
        if (incident.getMajorPhase() != MajorPhase.ACTIVE) {
            throw new ConflictException("Experiments run while a major incident is active; " + incidentId + " is "
                    + (incident.getMajorPhase() == null ? "no major incident" : incident.getMajorPhase().code()));
        }
        Experiment experiment = experiments.save(new Experiment(incidentId, hypothesis, action, actor.id(),
                EngineClock.now()));
        Map<String, Object> variables = new HashMap<>();
        EXPERIMENT_ID.putInto(variables, experiment.getId());
        HYPOTHESIS.putInto(variables, hypothesis);
        EXPERIMENT_ACTION.putInto(variables, action);
        // declared in the experiment's own scope, so that the answers stay with this experiment
        EXPERIMENT_OUTCOME.putInto(variables, null);
        EXPERIMENT_FINDINGS.putInto(variables, null);
        if (!engine.correlateIntoNewScope(incidentId, MajorIncidentModel.MESSAGE_HYPOTHESIS_PROPOSED, variables)) {
            throw new ConflictException("The major incident " + incidentId + " takes no experiments now");
        }
        incidents.note(incidentId, TimelineEventType.HYPOTHESIS_PROPOSED, "Experiment " + experiment.getId() + ": " + hypothesis
                + " → " + action);
        return experiment;
    }

    public void recordExperimentOutcome(long experimentId, ExperimentOutcome outcome, String findings) {
        Experiment experiment = experiments.findById(experimentId)
                .orElseThrow(() -> new NotFoundException("experiment", String.valueOf(experimentId)));
        experiment.complete(outcome, findings, actor.id(), EngineClock.now());
        incidents.note(experiment.getIncidentId(), TimelineEventType.EXPERIMENT_DONE, "Experiment " + experimentId + " "
                + outcome.code() + ": " + findings);
    }

    @Transactional(readOnly = true)
    public List<Experiment> experiments(String incidentId) {
        incidents.get(incidentId);
        return experiments.findByIncidentIdOrderByIdAsc(incidentId);
    }

    /** What the first wording of an update may say ({@link StakeholderUpdateDrafts}), for the communications lead to edit. */
    @Transactional(readOnly = true)
    public StakeholderUpdateDrafts.Facts draftFacts(String incidentId) {
        Incident incident = incidents.get(incidentId);
        return new StakeholderUpdateDrafts.Facts(incidentId, incident.getTitle(), service(incident).getName(),
                experiments.findByIncidentIdOrderByIdAsc(incidentId).size(), properties.technicalBridge(),
                properties.businessBridge(), properties.updateCadence().get(incident.getPriority()));
    }

    /** Keeps each audience's text (the status page shows the impacted users' one) and sends it. */
    public void publishUpdate(String incidentId, Map<Audience, String> texts) {
        Incident incident = incidents.get(incidentId);
        Instant now = EngineClock.now();
        Instant nextUpdate = now.plus(properties.updateCadence().get(incident.getPriority()));
        for (Map.Entry<Audience, String> text : texts.entrySet()) {
            updates.save(new StakeholderUpdate(incidentId, text.getKey(), text.getValue(), actor.id(), now));
            notifications.announce(incidentId, Recipients.audience(text.getKey()),
                    new NotificationContent.StakeholderUpdate(incident.getTitle(), text.getValue(), nextUpdate));
        }
        incidents.note(incidentId, TimelineEventType.STAKEHOLDER_UPDATE, "Update sent to " + texts.keySet().stream()
                .map(Audience::code).toList());
    }

    @Transactional(readOnly = true)
    public List<StakeholderUpdate> updates(String incidentId) {
        incidents.get(incidentId);
        return updates.findByIncidentIdOrderByIdAsc(incidentId);
    }

    /** Monitoring says it recovered: an active major incident asks its commander to confirm. */
    @EventListener
    public void on(MonitoringRecoveryReported recovery) {
        Incident incident = incidents.get(recovery.incidentId());
        if (incident.getMajorPhase() != MajorPhase.ACTIVE) {
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        RECOVERY_REPORT.putInto(variables, recovery.report());
        RECOVERY_CONFIRMED.putInto(variables, null);
        engine.correlateIntoNewScope(incident.getId(), MajorIncidentModel.MESSAGE_MONITORING_RECOVERED, variables);
    }

    /** The continuity manager defers the decision: the time box ends {@code hours} from now. */
    public Instant extendTimeBox(String incidentId, Number hours) {
        if (hours == null || hours.doubleValue() < 1 || hours.doubleValue() > properties.maxExtensionHours()
                || hours.doubleValue() != Math.floor(hours.doubleValue())) {
            throw new InvalidInputException(TIME_BOX_EXTENSION_HOURS.name(), "must be a whole number of hours from 1 to "
                    + properties.maxExtensionHours());
        }
        Instant endsAt = EngineClock.now().plus(Duration.ofHours(hours.longValue()));
        incidents.extendTimeBox(incidentId, endsAt);
        return endsAt;
    }

    /** The time box expired: the continuity managers are paged and must decide by the returned time. */
    public Instant openContinuityDecision(String incidentId) {
        Instant dueAt = EngineClock.now().plus(properties.continuityDecisionTime());
        incidents.note(incidentId, TimelineEventType.CONTINUITY_DECISION_OPENED, "Continuity managers paged to decide on service "
                + "continuity by " + dueAt);
        return dueAt;
    }

    /** Nobody decided in time: crisis management is paged. @return the crisis management group */
    public String escalateOverdueContinuityDecision(String incidentId) {
        String crisisTeam = continuityProperties.crisisTeam();
        incidents.note(incidentId, TimelineEventType.CONTINUITY_DECISION_OVERDUE, "No decision on service continuity in time; "
                + "crisis management (" + crisisTeam + ") paged");
        return crisisTeam;
    }

    /**
     * Starts service continuity as an instance of its own (business key = incident id), so that nothing the
     * major incident does later can end it. Its RTO counts from now, the decision.
     *
     * @param services the continuity manager's choice: catalog ids separated by commas
     */
    public void invokeContinuity(String incidentId, String services) {
        List<String> serviceIds = ContinuityService.parseServiceIds(services);
        try {
            continuity.requireServices(serviceIds);
        } catch (InvalidInputException refused) {
            // the same check as service continuity's, named after the form field the manager filled in
            throw new InvalidInputException(refused.problems().stream()
                    .map(problem -> new FieldProblem(CONTINUITY_SERVICES.name(), problem.reason())).toList());
        }
        if (engine.isRunning(ContinuityModel.PROCESS_KEY, incidentId)) {
            throw new InvalidInputException(CONTINUITY_DECISION.name(), "service continuity is still running for "
                    + incidentId + "; it reports when it has recovered the service or ended");
        }
        Incident incident = incidents.get(incidentId);
        Map<String, Object> variables = new HashMap<>();
        ContinuityVariables.INCIDENT_ID.putInto(variables, incidentId);
        // a mutable list: the engine stores it as JSON and must read it back
        ContinuityVariables.SERVICE_IDS.putInto(variables, new ArrayList<>(serviceIds));
        ContinuityVariables.INVOCATION_REASON.putInto(variables, "Major incident " + incidentId + " ("
                + incident.getTitle() + ") not restored within its time box; the continuity manager invoked "
                + "service continuity for " + serviceIds);
        ContinuityVariables.INVOCATION_DECIDED_AT.putInto(variables, Date.from(EngineClock.now()));
        engine.start(ContinuityModel.PROCESS_KEY, incidentId, variables);
    }

    /**
     * Service continuity verified the service at the recovery site: a major incident waiting for it is restored
     * now, in the transaction of the verification. One restored earlier by a person waits for nothing: the
     * message is dropped and service continuity goes on to failback and review.
     */
    @EventListener
    public void on(ContinuityRecoveryVerified verified) {
        if (verified.incidentId() == null) {
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        IncidentVariables.RESOLUTION_TYPE.putInto(variables, ResolutionType.WORKAROUND.code());
        IncidentVariables.RESOLUTION_NOTES.putInto(variables, "Service restored through service continuity "
                + "(disaster recovery): verified at the recovery site at " + verified.verifiedAt()
                + "; failback follows");
        engine.correlate(verified.incidentId(), MajorIncidentModel.MESSAGE_CONTINUITY_RECOVERY_VERIFIED, variables);
    }

    /** Service continuity was declined or abandoned: a major incident waiting for it asks for a decision again. */
    @EventListener
    public void on(ContinuityEndedWithoutRecovery ended) {
        if (ended.incidentId() == null) {
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        ContinuityVariables.CONTINUITY_OUTCOME.putInto(variables, ended.outcome());
        engine.correlate(ended.incidentId(), MajorIncidentModel.MESSAGE_CONTINUITY_ENDED_WITHOUT_RECOVERY, variables);
    }

    /** Each catalog service with the active major incidents on it, as the public status page shows them. */
    @Transactional(readOnly = true)
    public List<ServiceStatus> serviceStatuses() {
        Map<String, List<Incident>> active = new HashMap<>();
        incidents.activeMajorIncidents().forEach(incident ->
                active.computeIfAbsent(incident.getServiceId(), id -> new ArrayList<>()).add(incident));
        return catalog.all().stream().map(service -> {
            List<Disruption> disruptions = active.getOrDefault(service.getId(), List.of()).stream()
                    .map(incident -> updates.findFirstByIncidentIdAndAudienceOrderByIdDesc(incident.getId(),
                                    Audience.IMPACTED_USERS)
                            .map(update -> new Disruption(incident.getId(), incident.getCreatedAt(), update.getMessage(),
                                    update.getPublishedAt()))
                            .orElse(new Disruption(incident.getId(), incident.getCreatedAt(), null, null)))
                    .toList();
            return new ServiceStatus(service.getId(), service.getName(), disruptions.isEmpty(), disruptions);
        }).toList();
    }

    /** A service on the status page; {@code disruptions} is empty while it works. */
    public record ServiceStatus(String serviceId, String name, boolean operational, List<Disruption> disruptions) {
    }

    /**
     * An active major incident as impacted users see it: when it began and the latest update written for them
     * (null until the first one), nothing else.
     */
    public record Disruption(String incidentId, Instant since, String latestUpdate, Instant updatedAt) {
    }

    public void restore(String incidentId, ResolutionType type, String notes) {
        incidents.restoreMajor(incidentId, type, notes);
        Incident incident = incidents.get(incidentId);
        for (Audience audience : Audience.values()) {
            notifications.announce(incidentId, Recipients.audience(audience),
                    new NotificationContent.Resolved(service(incident).getName() + ": " + incident.getTitle(), notes));
        }
    }

    private BusinessService service(Incident incident) {
        return catalog.get(incident.getServiceId());
    }

    private void requireUser(String field, String userId) {
        if (userId == null || userId.isBlank() || !identities.exists(userId)) {
            throw new InvalidInputException(field, "must be the id of a Camunda user; '" + userId + "' is none");
        }
    }

}
