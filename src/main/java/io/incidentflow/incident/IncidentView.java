package io.incidentflow.incident;

import java.time.Instant;

/** An incident as the API shows it. */
public record IncidentView(String id, String title, String description, String caller, boolean vipCaller,
                           String serviceId, Category category, Level impact, Level urgency, IncidentSource source,
                           Priority priority, IncidentState state, IncidentTier tier, String resolverGroup,
                           String majorReason, MajorPhase majorPhase, String incidentCommander,
                           String communicationsLead, Instant majorTimeBoxEndsAt, Instant responseDueAt, Instant resolutionDueAt, Instant respondedAt,
                           boolean responseBreached, boolean resolutionBreached, boolean onHold, long pausedSeconds,
                           ResolutionType resolutionType, String resolutionNotes, Instant resolvedAt,
                           Instant closedAt, String closure, int reopenCount, Instant createdAt, Instant updatedAt) {

    public static IncidentView of(Incident i) {
        return new IncidentView(i.getId(), i.getTitle(), i.getDescription(), i.getCaller(), i.isVipCaller(),
                i.getServiceId(), i.getCategory(), i.getImpact(), i.getUrgency(), i.getSource(), i.getPriority(),
                i.getState(), i.getTier(), i.getResolverGroup(), i.getMajorReason(), i.getMajorPhase(), i.getIncidentCommander(),
                i.getCommunicationsLead(), i.getMajorTimeBoxEndsAt(), i.getResponseDueAt(),
                i.getResolutionDueAt(), i.getRespondedAt(), i.isResponseBreached(), i.isResolutionBreached(),
                i.getPausedAt() != null, i.getPausedSeconds(), i.getResolutionType(), i.getResolutionNotes(),
                i.getResolvedAt(), i.getClosedAt(), i.getClosure(), i.getReopenCount(), i.getCreatedAt(),
                i.getUpdatedAt());
    }
}
