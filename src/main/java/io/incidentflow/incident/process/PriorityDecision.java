package io.incidentflow.incident.process;

import static io.incidentflow.incident.process.IncidentVariables.PRIORITY_DECISION;

import io.incidentflow.incident.Priority;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The result of decision {@code incident-priority} (step "Prioritize", kept in {@code priorityDecision}): the only
 * place that knows its output names, so a renamed output fails here, named, instead of as a null further on.
 */
public record PriorityDecision(Priority priority, Duration responseTarget, Duration resolutionTarget) {

    // output names of processes/incident-priority.dmn
    private static final String PRIORITY = "priority";
    private static final String RESPONSE_MINUTES = "responseMinutes";
    private static final String RESOLUTION_MINUTES = "resolutionMinutes";
    public static final List<String> OUTPUTS = List.of(PRIORITY, RESPONSE_MINUTES, RESOLUTION_MINUTES);

    /** The decision the instance's step "Prioritize" took. */
    public static PriorityDecision of(VariableScope execution) {
        return of(PRIORITY_DECISION.get(execution));
    }

    static PriorityDecision of(Map<String, Object> result) {
        if (!(result.get(PRIORITY) instanceof String priority)) {
            throw new IllegalStateException("Decision incident-priority gave no '" + PRIORITY + "'");
        }
        return new PriorityDecision(Priority.valueOf(priority), minutes(result, RESPONSE_MINUTES),
                minutes(result, RESOLUTION_MINUTES));
    }

    private static Duration minutes(Map<String, Object> result, String output) {
        if (!(result.get(output) instanceof Number number)) {
            throw new IllegalStateException("Decision incident-priority gave no number for '" + output + "'");
        }
        return Duration.ofMinutes(number.longValue());
    }
}
