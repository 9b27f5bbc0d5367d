package io.incidentflow.incident.problem;

import static io.incidentflow.engine.ProcessVariable.stringVariable;

import io.incidentflow.engine.ProcessVariable;
import io.incidentflow.engine.SharedVariables;

/** The variables of {@code processes/problem-follow-up.bpmn}. */
public final class ProblemVariables {

    public static final String PROCESS_KEY = "problem-follow-up";

    public static final ProcessVariable<String> PROBLEM_ID = stringVariable("problemId");
    public static final ProcessVariable<String> INCIDENT_ID = SharedVariables.INCIDENT_ID;
    public static final ProcessVariable<String> TITLE = stringVariable("title");
    public static final ProcessVariable<String> WORKAROUND = stringVariable("workaround");
    public static final ProcessVariable<String> RESOLVER_GROUP = stringVariable("resolverGroup");
    public static final ProcessVariable<String> REMINDER_CYCLE = stringVariable("reminderCycle");
    public static final ProcessVariable<String> PERMANENT_FIX = stringVariable("permanentFix");
    public static final ProcessVariable<String> CHANGE_REFERENCE = stringVariable("changeReference");

    private ProblemVariables() {
    }
}
