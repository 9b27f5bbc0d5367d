package io.incidentflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The typed contents and the events' declared variables (which the templates are checked against at start) say
 * the same thing, so a template variable added to an event cannot be forgotten by its typed content.
 */
class NotificationContentTest {

    static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");

    static final List<NotificationContent> ONE_OF_EACH = List.of(
            new NotificationContent.Paged("Payments down", "payments-team", 2),
            new NotificationContent.BridgeOpened("Payments down", "technical", "https://meet.example/bridge"),
            new NotificationContent.StakeholderUpdate("Payments down", "Failover under way", AT),
            new NotificationContent.Resolved("Payments: down", "Restarted the gateway"),
            new NotificationContent.DrInvoked("Data centre lost", "Payments", "Warm standby", "60 minutes"),
            new NotificationContent.ProblemReminder("Payments down", "PRB-000001", "Restart nightly", AT));

    @Test
    void everyEventHasATypedContent() {
        Set<NotificationEvent> covered = ONE_OF_EACH.stream().map(NotificationContent::event)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(NotificationEvent.class)));
        assertThat(covered).containsExactlyInAnyOrder(NotificationEvent.values());
    }

    @Test
    void aTypedContentGivesExactlyTheVariablesItsEventAsksTheSenderFor() {
        for (NotificationContent content : ONE_OF_EACH) {
            assertThat(content.variables().keySet()).as(content.event().name())
                    .containsExactlyInAnyOrderElementsOf(content.event().senderVariables());
            assertThat(content.variables().values()).as(content.event().name()).doesNotContainNull();
        }
    }
}
