package io.incidentflow.security;

import io.incidentflow.continuity.ContinuityModel;
import io.incidentflow.incident.process.IncidentModel;
import io.incidentflow.major.MajorIncidentModel;
import java.util.Arrays;
import java.util.List;

/**
 * Who may start which process by hand (Tasklist start form, {@code /engine-rest}): the one table
 * {@link IdentitySetup} turns into CREATE_INSTANCE grants per process definition key, and that the
 * models' {@code camunda:candidateStarterGroups} repeat for Tasklist's start list.
 *
 * <p>A process not listed here (major-incident, page-responder, notification-delivery, problem-follow-up,
 * dr-readiness, dr-test-scheduling, and any process deployed later) is started by the engine only: as a
 * call activity, by a timer or by the application's own code, none of which the engine checks against
 * the starting person's authorizations. {@code camunda-admin} may start anything.
 *
 * <p>The groups follow the API: the service desk logs incidents (Tasklist "Log incident"; other groups
 * report through {@code POST /api/incidents} or monitoring), the responders the experiments API names
 * propose hypotheses (the incident's resolver group only through the API, which checks it per incident),
 * continuity managers invoke service continuity.
 */
public enum ProcessStarter {

    INCIDENT(IncidentModel.PROCESS_KEY, Roles.SERVICE_DESK),
    PROPOSE_HYPOTHESIS(MajorIncidentModel.PROPOSE_HYPOTHESIS_PROCESS_KEY,
            Roles.SERVICE_DESK, Roles.TRIAGE_TEAM, Roles.MAJOR_INCIDENT_MANAGERS),
    SERVICE_CONTINUITY(ContinuityModel.PROCESS_KEY, Roles.CONTINUITY_MANAGERS);

    private final String processKey;
    private final List<String> groups;

    ProcessStarter(String processKey, String... groups) {
        this.processKey = processKey;
        this.groups = List.of(groups);
    }

    public String processKey() {
        return processKey;
    }

    public List<String> groups() {
        return groups;
    }

    /** The groups that may start the process with this definition key; empty: the engine only. */
    public static List<String> groupsStarting(String processKey) {
        return Arrays.stream(values()).filter(s -> s.processKey.equals(processKey))
                .findFirst().map(ProcessStarter::groups).orElse(List.of());
    }

    /** Definition keys of the processes the group may start. */
    public static List<String> processKeysStartableBy(String groupId) {
        return Arrays.stream(values()).filter(s -> s.groups.contains(groupId)).map(ProcessStarter::processKey).toList();
    }
}
