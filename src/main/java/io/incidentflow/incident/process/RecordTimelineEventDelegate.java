package io.incidentflow.incident.process;

import static io.incidentflow.incident.process.IncidentVariables.*;

import io.incidentflow.incident.IncidentService;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A step that only writes a line to the incident's timeline, so a process owner can mark a milestone in
 * Modeler (element template "Record timeline event") without new code. Input parameters
 * {@code timelineEvent}, a code such as {@code VENDOR_CONTACTED}, and {@code timelineDetail}.
 */
@Component
public class RecordTimelineEventDelegate implements JavaDelegate {

    /** Like the codes the application writes, and short enough for the timeline's type column. */
    private static final Pattern EVENT_TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    private final IncidentService incidents;

    public RecordTimelineEventDelegate(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String type = TIMELINE_EVENT.getLocal(execution);
        if (!EVENT_TYPE.matcher(type).matches()) {
            throw new IllegalStateException("Input parameter '" + TIMELINE_EVENT.name()
                    + "' should be an upper-case code of at most 40 characters such as VENDOR_CONTACTED, not '"
                    + type + "'");
        }
        incidents.noteModelEvent(INCIDENT_ID.get(execution), type, TIMELINE_DETAIL.getLocal(execution));
    }
}
