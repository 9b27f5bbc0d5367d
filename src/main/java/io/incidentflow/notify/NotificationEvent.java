package io.incidentflow.notify;

import static io.incidentflow.notify.Audience.*;

import io.incidentflow.common.Coded;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a notification is about. Each event has a template file {@code notifications/<code>.yaml} with a
 * template for each of its audiences; {@link #variables()} are what the sender provides and so all a
 * template may use.
 */
public enum NotificationEvent implements Coded {
    PAGED(EnumSet.of(TECHNICAL), "group", "level", "ackUrl"),
    BRIDGE_OPENED(EnumSet.of(TECHNICAL, BUSINESS), "bridge", "bridgeUrl", "joinUrl"),
    STAKEHOLDER_UPDATE(EnumSet.allOf(Audience.class), "status", "nextUpdate"),
    RESOLVED(EnumSet.allOf(Audience.class), "resolution"),
    DR_INVOKED(EnumSet.of(TECHNICAL, BUSINESS), "service", "recoveryOption", "targetRto"),
    PROBLEM_REMINDER(EnumSet.of(TECHNICAL), "problemId", "workaround", "openedAt");

    /** Every message provides these, whatever its event: the sender gives the summary, the rest is filled in. */
    public static final List<String> COMMON_VARIABLES = List.of("incidentId", "summary", "recipientName");

    /** The ones of {@link #variables()} the notification service fills in itself. */
    static final Set<String> FILLED_IN = Set.of("incidentId", "recipientName", "ackUrl", "joinUrl");

    private final Set<Audience> audiences;
    private final List<String> own;

    NotificationEvent(Set<Audience> audiences, String... variables) {
        this.audiences = audiences;
        this.own = List.of(variables);
    }

    public Set<Audience> audiences() {
        return audiences;
    }

    /** Every variable a template of this event may use. */
    public Set<String> variables() {
        Set<String> all = new LinkedHashSet<>(COMMON_VARIABLES);
        all.addAll(own);
        return all;
    }

    /** The variables the sender must give. */
    public Set<String> senderVariables() {
        Set<String> given = variables();
        given.removeAll(FILLED_IN);
        return given;
    }

    /** A message of this event carries an acknowledgement link per recipient. */
    public boolean acknowledgeable() {
        return own.contains("ackUrl");
    }

    /** A message of this event carries a personal link that records the join and leads to the bridge. */
    public boolean joinable() {
        return own.contains("joinUrl");
    }
}
