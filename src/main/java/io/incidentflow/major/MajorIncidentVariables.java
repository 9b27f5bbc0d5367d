package io.incidentflow.major;

import io.incidentflow.notify.Audience;

import static io.incidentflow.engine.ProcessVariable.dateVariable;
import static io.incidentflow.engine.ProcessVariable.numberVariable;
import static io.incidentflow.engine.ProcessVariable.stringVariable;

import io.incidentflow.engine.ProcessVariable;
import java.util.Date;
import java.util.Map;

/**
 * The variables of {@code processes/major-incident.bpmn}, each declared once with its type. It also reads
 * the incident's own variables (id, title, priority, service, resolver group), passed in by the incident
 * process under the names of {@link io.incidentflow.incident.process.IncidentVariables}.
 */
public final class MajorIncidentVariables {

    // Triage
    public static final ProcessVariable<String> TRIAGE_TIME_BOX = stringVariable("triageTimeBox");
    public static final ProcessVariable<String> TRIAGE_DECISION = stringVariable("triageDecision");
    public static final ProcessVariable<String> TRIAGE_NOTES = stringVariable("triageNotes");
    /** How it ended for the incident process: deactivated (back to Tier 1) or restored. */
    public static final ProcessVariable<String> MAJOR_OUTCOME = stringVariable("majorOutcome");

    // Active major incident
    public static final ProcessVariable<Date> TIME_BOX_ENDS_AT = dateVariable("timeBoxEndsAt");
    public static final ProcessVariable<String> STAKEHOLDER_UPDATE_CYCLE = stringVariable("stakeholderUpdateCycle");
    public static final ProcessVariable<String> TECHNICAL_BRIDGE = stringVariable("technicalBridge");
    public static final ProcessVariable<String> BUSINESS_BRIDGE = stringVariable("businessBridge");
    public static final ProcessVariable<String> INCIDENT_COMMANDER = stringVariable("incidentCommander").control();
    public static final ProcessVariable<String> COMMUNICATIONS_LEAD = stringVariable("communicationsLead").control();

    // One experiment (local to its run of the event sub-process)
    public static final ProcessVariable<Number> EXPERIMENT_ID = numberVariable("experimentId");
    public static final ProcessVariable<String> HYPOTHESIS = stringVariable("hypothesis");
    public static final ProcessVariable<String> EXPERIMENT_ACTION = stringVariable("experimentAction");
    public static final ProcessVariable<String> EXPERIMENT_OUTCOME = stringVariable("experimentOutcome");
    public static final ProcessVariable<String> EXPERIMENT_FINDINGS = stringVariable("experimentFindings");

    // One stakeholder update (local to its run of the event sub-process), one text per audience
    public static final Map<Audience, ProcessVariable<String>> UPDATE_TEXTS = Map.of(
            Audience.TECHNICAL, stringVariable("updateTechnicalStaff"),
            Audience.BUSINESS, stringVariable("updateBusiness"),
            Audience.KEY_CUSTOMERS, stringVariable("updateKeyCustomers"),
            Audience.IMPACTED_USERS, stringVariable("updateImpactedUsers"));

    // Monitoring recovery (local to its run) and the time box decision
    public static final ProcessVariable<String> RECOVERY_CONFIRMED = stringVariable("recoveryConfirmed");
    public static final ProcessVariable<String> RECOVERY_REPORT = stringVariable("recoveryReport");
    public static final ProcessVariable<String> CONTINUITY_DECISION = stringVariable("continuityDecision");
    public static final ProcessVariable<Number> TIME_BOX_EXTENSION_HOURS = numberVariable("timeBoxExtensionHours");
    /** When the continuity decision is due; overdue, crisis management is paged. Tasklist shows it as the due date. */
    public static final ProcessVariable<Date> DECISION_DUE_AT = dateVariable("decisionDueAt");
    /** The services the continuity manager invokes continuity for, as typed: catalog ids separated by commas. */
    public static final ProcessVariable<String> CONTINUITY_SERVICES = stringVariable("continuityServices");
    /** The crisis management group, paged when the continuity decision is overdue. */
    public static final ProcessVariable<String> CRISIS_TEAM = stringVariable("crisisTeam");


    private MajorIncidentVariables() {
    }
}
