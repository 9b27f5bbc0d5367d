package io.incidentflow.engine;

import static io.incidentflow.engine.ProcessVariable.stringVariable;

/**
 * Variables several processes carry under the same name, declared here once: the per-process declarations
 * ({@code IncidentVariables}, {@code ContinuityVariables}, ...) refer to these, so the name cannot drift apart.
 */
public final class SharedVariables {

    /** The incident the instance works for (its business key in the incident process). */
    public static final ProcessVariable<String> INCIDENT_ID = stringVariable("incidentId").control();

    private SharedVariables() {
    }
}
