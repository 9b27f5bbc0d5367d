package io.incidentflow.tasklist;

import io.incidentflow.continuity.ContinuityModel;
import io.incidentflow.continuity.ContinuityVariables;
import io.incidentflow.engine.EngineClock;
import io.incidentflow.engine.ProcessVariable;
import io.incidentflow.incident.process.IncidentModel;
import io.incidentflow.incident.process.IncidentVariables;
import io.incidentflow.major.MajorIncidentModel;
import io.incidentflow.major.MajorIncidentVariables;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Where a user task's due date comes from when its model sets none (a process owner's {@code camunda:dueDate}
 * always wins). One row per rule, the first row matching the process and task applies; a task no row names
 * (and every process not named here) gets no due date. Tasks added to a model later fall under their
 * process's "any task" row without anyone touching this table.
 */
public final class TaskDueDates {

    /** The value of a due date, read from the task's variables (its scope and the scopes above it). */
    @FunctionalInterface
    public interface DueDate {
        Optional<Date> of(VariableScope task);
    }

    public record Rule(String processKey, String taskKey, DueDate dueDate, String why) {
        boolean matches(String process, String task) {
            return processKey.equals(process) && (taskKey.equals(ANY_TASK) || taskKey.equals(task));
        }
    }

    static final String ANY_TASK = "*";

    private static final DueDate NONE = task -> Optional.empty();

    /** Tier 1's SLA: until someone has responded the response target is what is at stake, then the resolution. */
    static final DueDate SLA = task -> IncidentVariables.RESPONDED.find(task).orElse(false)
            ? IncidentVariables.RESOLUTION_DUE_AT.find(task)
            : IncidentVariables.RESPONSE_DUE_AT.find(task);

    /** The triage time box (an ISO duration) starts as triage opens, which is when its task is created. */
    static final DueDate TRIAGE_TIME_BOX = task -> MajorIncidentVariables.TRIAGE_TIME_BOX.find(task)
            .map(box -> Date.from(EngineClock.now().plus(Duration.parse(box))));

    static final List<Rule> RULES = List.of(
            new Rule(IncidentModel.PROCESS_KEY, IncidentModel.TASK_POST_INCIDENT_REVIEW, NONE,
                    "the review follows closure: the SLA is met or missed by then"),
            new Rule(IncidentModel.PROCESS_KEY, ANY_TASK, SLA,
                    "Tier 1 works against the SLA promised to the caller"),
            new Rule(MajorIncidentModel.PROCESS_KEY, MajorIncidentModel.TASK_SITUATIONAL_ANALYSIS, TRIAGE_TIME_BOX,
                    "triage ends with its time box: the case is activated when it expires"),
            new Rule(MajorIncidentModel.PROCESS_KEY, MajorIncidentModel.TASK_DECIDE_ON_CONTINUITY, firstOf(MajorIncidentVariables.DECISION_DUE_AT,
                    MajorIncidentVariables.TIME_BOX_ENDS_AT), "the decision is due when Tier 2 says so, at the"
                    + " latest when the time box it was asked at ends"),
            new Rule(MajorIncidentModel.PROCESS_KEY, MajorIncidentModel.TASK_POST_MORTEM, NONE,
                    "the post-mortem follows restoration: the time box no longer applies"),
            new Rule(MajorIncidentModel.PROCESS_KEY, ANY_TASK, firstOf(MajorIncidentVariables.TIME_BOX_ENDS_AT),
                    "an active major incident works towards the end of its time box, when continuity is decided"),
            new Rule(ContinuityModel.PROCESS_KEY, ContinuityModel.TASK_APPROVE_INVOCATION, firstOf(ContinuityVariables.APPROVAL_DUE_AT),
                    "every minute before approval counts against the RTO"));

    private TaskDueDates() {
    }

    /** The due date for a task of the process, if a rule gives one and its variable is set. */
    public static Optional<Date> dueDate(String processKey, String taskKey, VariableScope task) {
        return rule(processKey, taskKey).flatMap(rule -> rule.dueDate().of(task));
    }

    static Optional<Rule> rule(String processKey, String taskKey) {
        return RULES.stream().filter(rule -> rule.matches(processKey, taskKey)).findFirst();
    }

    @SafeVarargs
    private static DueDate firstOf(ProcessVariable<Date>... variables) {
        return task -> Stream.of(variables).flatMap(variable -> variable.find(task).stream()).findFirst();
    }
}
