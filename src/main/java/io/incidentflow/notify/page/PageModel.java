package io.incidentflow.notify.page;

import static io.incidentflow.engine.ProcessVariable.booleanVariable;
import static io.incidentflow.engine.ProcessVariable.dateVariable;
import static io.incidentflow.engine.ProcessVariable.stringVariable;

import io.incidentflow.engine.ProcessVariable;
import java.util.Date;
import java.util.List;

/** Names and variables of {@code processes/page-responder.bpmn} that code relies on. */
public final class PageModel {

    public static final String PROCESS_KEY = "page-responder";
    /** Correlated to the waiting instance when someone acknowledges. */
    public static final String MESSAGE_ACKNOWLEDGED = "PageAcknowledged";

    public static final String TASK_PAGE_NEXT_LEVEL = "Task_PageNextLevel";
    public static final String EVENT_ACK_TIMEOUT = "Event_AckTimeout";

    // Inputs (camunda:in of the calling activity)
    public static final ProcessVariable<String> INCIDENT_ID = stringVariable("incidentId").control();
    public static final ProcessVariable<String> PAGE_GROUP = stringVariable("pageGroup");
    public static final ProcessVariable<String> PAGE_SUMMARY = stringVariable("pageSummary");
    public static final ProcessVariable<String> PAGE_EVENT = stringVariable("pageEvent");
    public static final ProcessVariable<String> ACK_TIMEOUT = stringVariable("ackTimeout");
    /** The group's lead is paged first (an SLA warning), the group's levels after. */
    public static final ProcessVariable<Boolean> PAGE_LEAD_FIRST = booleanVariable("pageLeadFirst");

    // Working variables
    public static final ProcessVariable<String> PAGE_ID = stringVariable("pageId");
    public static final ProcessVariable<String> RETRY_CYCLE = stringVariable("retryCycle");
    public static final ProcessVariable<Boolean> LEVELS_LEFT = booleanVariable("levelsLeft");

    // Outputs (camunda:out)
    public static final ProcessVariable<Boolean> ACKNOWLEDGED = booleanVariable("acknowledged");
    public static final ProcessVariable<String> ACKNOWLEDGED_BY = stringVariable("acknowledgedBy");
    public static final ProcessVariable<Date> ACKNOWLEDGED_AT = dateVariable("acknowledgedAt");

    /** What a calling activity may pass (camunda:in) and map back (camunda:out): the element template binds these. */
    public static final List<ProcessVariable<?>> CALL_INPUTS = List.of(INCIDENT_ID, PAGE_GROUP, PAGE_SUMMARY, PAGE_EVENT,
            ACK_TIMEOUT, PAGE_LEAD_FIRST);
    public static final List<ProcessVariable<?>> CALL_OUTPUTS = List.of(ACKNOWLEDGED, ACKNOWLEDGED_BY, ACKNOWLEDGED_AT,
            PAGE_ID);

    private PageModel() {
    }
}
