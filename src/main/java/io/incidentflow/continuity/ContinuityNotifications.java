package io.incidentflow.continuity;

import io.incidentflow.notify.Audience;
import io.incidentflow.notify.NotificationContent;
import io.incidentflow.notify.delivery.NotificationService;
import io.incidentflow.notify.delivery.Recipients;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Every announcement service continuity sends. Messages are filed under the invocation id, which is the
 * incident id when continuity was invoked for an incident; business continuity is the business audience of
 * the on-call file. People who must act are paged by the process (page-responder), not from here.
 */
@Component
class ContinuityNotifications {

    private final NotificationService notifications;

    ContinuityNotifications(NotificationService notifications) {
        this.notifications = notifications;
    }

    /**
     * One message per affected service, each with its own recovery option and target, to business continuity.
     * Crisis management is paged by the process, level by level until someone acknowledges.
     */
    void invoked(Invocation invocation, List<RecoveryAssessment> assessments) {
        for (RecoveryAssessment assessment : assessments) {
            notifications.announce(invocation.id(), Recipients.audience(Audience.BUSINESS),
                    new NotificationContent.DrInvoked(invocation.reason(), assessment.service().getName(),
                            assessment.option().label(), assessment.rto().toMinutes() + " minutes"));
        }
    }

    void restored(Invocation invocation, String message) {
        NotificationContent restored = new NotificationContent.Resolved("Service continuity " + invocation.id() + ": "
                + String.join(", ", invocation.serviceIds()) + " run at the recovery site", message);
        for (Audience audience : List.of(Audience.BUSINESS, Audience.IMPACTED_USERS)) {
            notifications.announce(invocation.id(), Recipients.audience(audience), restored);
        }
    }
}
