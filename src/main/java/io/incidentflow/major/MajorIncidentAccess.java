package io.incidentflow.major;

import io.incidentflow.incident.IncidentService;
import io.incidentflow.security.CurrentUser;
import io.incidentflow.common.NotAllowedException;
import org.springframework.stereotype.Component;

/**
 * The part of "who may act on a major incident" that depends on the incident: its own resolver group. Called
 * from {@code @PreAuthorize} after the role part ({@code Roles.Has ... or @majorIncidentAccess...}), so the
 * whole rule is read at the method. A refusal throws instead of returning false so that the 403 keeps saying
 * who may; that is also why these calls must come last in the expression.
 */
@Component("majorIncidentAccess")
public class MajorIncidentAccess {

    private final IncidentService incidents;

    public MajorIncidentAccess(IncidentService incidents) {
        this.incidents = incidents;
    }

    /** The caller is in the incident's resolver group, or a 403 naming who may declare. Unknown incident: 404. */
    public boolean resolverMayDeclare(String incidentId) {
        String resolverGroup = incidents.get(incidentId).getResolverGroup();
        CurrentUser user = CurrentUser.get();
        if (user.isMemberOf(resolverGroup)) {
            return true;
        }
        throw new NotAllowedException("Only the service desk, the incident's resolver group (" + resolverGroup
                + ") and major incident managers may declare a major incident; user '" + user.userId()
                + "' is in none of them");
    }

    /** The caller is in the incident's resolver group, or a 403 naming the responders. Unknown incident: 404. */
    public boolean resolverMayPropose(String incidentId) {
        String resolverGroup = incidents.get(incidentId).getResolverGroup();
        if (CurrentUser.get().isMemberOf(resolverGroup)) {
            return true;
        }
        throw new NotAllowedException("Only responders propose experiments: the service desk, the triage team, "
                + "major incident managers and the resolver group " + resolverGroup);
    }
}
