package io.incidentflow.notify;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a Java caller tells people, one record per {@link NotificationEvent}: the compiler holds the caller to
 * every variable the event's templates may use. Only a model that chooses the event at run time (the "Notify
 * an audience" step) goes through the checked map of {@link NotificationService#send(String, Recipients,
 * NotificationEvent, Map)}.
 */
public sealed interface NotificationContent {

    NotificationEvent event();

    /** The template variables, named as in {@link NotificationEvent#senderVariables()}. */
    Map<String, Object> variables();

    record Paged(String summary, String group, int level) implements NotificationContent {
        public NotificationEvent event() {
            return NotificationEvent.PAGED;
        }

        public Map<String, Object> variables() {
            return named("summary", summary, "group", group, "level", level);
        }
    }

    record BridgeOpened(String summary, String bridge, String bridgeUrl) implements NotificationContent {
        public NotificationEvent event() {
            return NotificationEvent.BRIDGE_OPENED;
        }

        public Map<String, Object> variables() {
            return named("summary", summary, "bridge", bridge, "bridgeUrl", bridgeUrl);
        }
    }

    record StakeholderUpdate(String summary, String status, Instant nextUpdate) implements NotificationContent {
        public NotificationEvent event() {
            return NotificationEvent.STAKEHOLDER_UPDATE;
        }

        public Map<String, Object> variables() {
            return named("summary", summary, "status", status, "nextUpdate", nextUpdate);
        }
    }

    record Resolved(String summary, String resolution) implements NotificationContent {
        public NotificationEvent event() {
            return NotificationEvent.RESOLVED;
        }

        public Map<String, Object> variables() {
            return named("summary", summary, "resolution", resolution);
        }
    }

    record DrInvoked(String summary, String service, String recoveryOption, String targetRto)
            implements NotificationContent {
        public NotificationEvent event() {
            return NotificationEvent.DR_INVOKED;
        }

        public Map<String, Object> variables() {
            return named("summary", summary, "service", service, "recoveryOption", recoveryOption,
                    "targetRto", targetRto);
        }
    }

    record ProblemReminder(String summary, String problemId, String workaround, Instant openedAt)
            implements NotificationContent {
        public NotificationEvent event() {
            return NotificationEvent.PROBLEM_REMINDER;
        }

        public Map<String, Object> variables() {
            return named("summary", summary, "problemId", problemId, "workaround", workaround, "openedAt", openedAt);
        }
    }

    private static Map<String, Object> named(Object... namesAndValues) {
        // insertion order keeps the variables in the order the event lists them, which error messages show
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return variables;
    }
}
