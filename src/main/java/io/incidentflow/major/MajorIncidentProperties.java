package io.incidentflow.major;

import io.incidentflow.catalog.ContinuityTier;
import io.incidentflow.incident.Priority;
import io.incidentflow.notify.Audience;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param triageTimeBox      how long the triage team has to decide; undecided → activated
 * @param updateCadence      how often stakeholders hear from the communications lead, per priority
 * @param timeBox            how long a major incident may run, per continuity tier of the service,
 *                           before a continuity manager must decide on invoking service continuity
 * @param maxExtensionHours  the longest a continuity manager may extend the time box at once
 * @param continuityDecisionTime how long the continuity managers have for the decision once the time box
 *                           expired; overdue, crisis management is paged
 * @param technicalBridge    where responders meet (conference bridge, chat room)
 * @param businessBridge     where business stakeholders are briefed
 * @param serviceBridges     bridges of a catalog service (by service id) that has its own; either may be
 *                           left out, the general one is used for it
 */
@ConfigurationProperties("incidentflow.major")
@Validated
public record MajorIncidentProperties(Duration triageTimeBox, Map<Priority, Duration> updateCadence,
                                      Map<ContinuityTier, Duration> timeBox, int maxExtensionHours,
                                      Duration continuityDecisionTime,
                                      @NotBlank String technicalBridge, @NotBlank String businessBridge,
                                      Map<String, ServiceBridges> serviceBridges) {

    /** A service's own bridges; null: the general one. */
    public record ServiceBridges(String technical, String business) {
    }

    public MajorIncidentProperties {
        serviceBridges = serviceBridges == null ? Map.of() : Map.copyOf(serviceBridges);
        requirePositive("triage-time-box", triageTimeBox);
        for (Priority priority : Priority.values()) {
            requirePositive("update-cadence." + priority, updateCadence.get(priority));
        }
        for (ContinuityTier tier : EnumSet.allOf(ContinuityTier.class)) {
            requirePositive("time-box." + tier.code(), timeBox.get(tier));
        }
        requirePositive("continuity-decision-time", continuityDecisionTime);
        if (maxExtensionHours < 1) {
            throw new IllegalArgumentException("incidentflow.major.max-extension-hours must be at least 1");
        }
    }

    /** The stakeholder update cycle as a timer expression, e.g. {@code R/PT30M}. */
    public String updateCycle(Priority priority) {
        return "R/" + updateCadence.get(priority);
    }

    /** Where the audience of a major incident of the service meets: technical responders or business stakeholders. */
    public String bridge(String serviceId, Audience audience) {
        ServiceBridges own = serviceBridges.get(serviceId);
        return switch (audience) {
            case TECHNICAL -> own != null && own.technical() != null ? own.technical() : technicalBridge;
            case BUSINESS -> own != null && own.business() != null ? own.business() : businessBridge;
            default -> throw new IllegalArgumentException("No bridge for audience " + audience.code());
        };
    }

    private static void requirePositive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("incidentflow.major." + key + " must be a positive ISO-8601 duration");
        }
    }
}
