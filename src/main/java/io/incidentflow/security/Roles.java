package io.incidentflow.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Camunda group ids of the roles in SPEC "Roles". Resolver groups are not listed here: their ids come
 * from the service catalog and are created with {@link IdentitySetup#ensureResolverGroup(String)}.
 *
 * <p>API code states who may call a method with {@code @PreAuthorize} and the expressions of {@link Has}, which
 * test the Spring Security authorities {@code GROUP_<groupId>} ({@link #authority(String)}).
 */
public final class Roles {

    public static final String SERVICE_DESK = "service-desk";
    public static final String TRIAGE_TEAM = "triage-team";
    public static final String MAJOR_INCIDENT_MANAGERS = "major-incident-managers";
    public static final String COMMUNICATIONS = "communications";
    public static final String CONTINUITY_MANAGERS = "continuity-managers";
    public static final String DR_TEAM = "dr-team";
    public static final String AUDITORS = "auditors";
    public static final String PROCESS_OWNERS = "process-owners";
    /** Same id as Camunda's built-in administrators group ({@code Groups.CAMUNDA_ADMIN}). */
    public static final String CAMUNDA_ADMIN = "camunda-admin";

    /**
     * Method-security expressions for the role groups, the one way the code states who may call what:
     * {@code @PreAuthorize(Roles.Has.CAMUNDA_ADMIN)}, combined with {@code " or "} where several roles may.
     * Compile-time constants so they can stand in annotations; they follow {@link #authority(String)}.
     */
    public static final class Has {
        public static final String SERVICE_DESK = "hasAuthority('GROUP_service-desk')";
        public static final String TRIAGE_TEAM = "hasAuthority('GROUP_triage-team')";
        public static final String MAJOR_INCIDENT_MANAGERS = "hasAuthority('GROUP_major-incident-managers')";
        public static final String COMMUNICATIONS = "hasAuthority('GROUP_communications')";
        public static final String CONTINUITY_MANAGERS = "hasAuthority('GROUP_continuity-managers')";
        public static final String DR_TEAM = "hasAuthority('GROUP_dr-team')";
        public static final String AUDITORS = "hasAuthority('GROUP_auditors')";
        public static final String PROCESS_OWNERS = "hasAuthority('GROUP_process-owners')";
        public static final String CAMUNDA_ADMIN = "hasAuthority('GROUP_camunda-admin')";

        private Has() {
        }
    }

    /** Prefix of the Spring Security authority that stands for membership of a Camunda group. */
    public static final String AUTHORITY_PREFIX = "GROUP_";

    /** Camunda group type of the groups that work tasks (incl. resolver groups). */
    public static final String TYPE_WORKFLOW = "WORKFLOW";
    /** Camunda group type of the administrators group. */
    public static final String TYPE_SYSTEM = "SYSTEM";

    /** Groups that work user tasks in Tasklist (resolver groups are working groups too). */
    public static final List<String> WORKING_GROUPS = List.of(
            SERVICE_DESK, TRIAGE_TEAM, MAJOR_INCIDENT_MANAGERS, COMMUNICATIONS, CONTINUITY_MANAGERS, DR_TEAM);

    /** Every role group of the SPEC with its display name, in a stable order. */
    public static final Map<String, String> DISPLAY_NAMES;

    static {
        Map<String, String> names = new LinkedHashMap<>();
        names.put(SERVICE_DESK, "Service desk");
        names.put(TRIAGE_TEAM, "Triage team");
        names.put(MAJOR_INCIDENT_MANAGERS, "Major incident managers");
        names.put(COMMUNICATIONS, "Communications");
        names.put(CONTINUITY_MANAGERS, "Continuity managers");
        names.put(DR_TEAM, "Disaster recovery team");
        names.put(AUDITORS, "Auditors");
        names.put(PROCESS_OWNERS, "Process owners");
        names.put(CAMUNDA_ADMIN, "Camunda administrators");
        DISPLAY_NAMES = java.util.Collections.unmodifiableMap(names);
    }

    private Roles() {
    }

    /** All SPEC role group ids (not resolver groups). */
    public static List<String> all() {
        return List.copyOf(DISPLAY_NAMES.keySet());
    }

    /** Display name of a role group; for other ids (resolver groups) the id itself. */
    public static String displayName(String groupId) {
        return DISPLAY_NAMES.getOrDefault(groupId, groupId);
    }

    /** A role group that does not work tasks (auditors, process owners, admins): never a resolver group. */
    public static boolean isReserved(String groupId) {
        return DISPLAY_NAMES.containsKey(groupId) && !WORKING_GROUPS.contains(groupId);
    }

    /** Spring Security authority for membership of the group, e.g. {@code GROUP_service-desk}. */
    public static String authority(String groupId) {
        return AUTHORITY_PREFIX + groupId;
    }
}
