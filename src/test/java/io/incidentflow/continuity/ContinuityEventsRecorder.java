package io.incidentflow.continuity;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Keeps what service continuity told the rest of the application, so tests can read it per invocation. */
@Component
public class ContinuityEventsRecorder {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @EventListener
    void verified(ContinuityRecoveryVerified event) {
        events.add(event);
    }

    @EventListener
    void endedWithoutRecovery(ContinuityEndedWithoutRecovery event) {
        events.add(event);
    }

    public List<ContinuityRecoveryVerified> verified(String incidentId) {
        return events.stream().filter(ContinuityRecoveryVerified.class::isInstance)
                .map(ContinuityRecoveryVerified.class::cast).filter(e -> e.incidentId().equals(incidentId)).toList();
    }

    public List<ContinuityEndedWithoutRecovery> endedWithoutRecovery(String incidentId) {
        return events.stream().filter(ContinuityEndedWithoutRecovery.class::isInstance)
                .map(ContinuityEndedWithoutRecovery.class::cast).filter(e -> e.incidentId().equals(incidentId)).toList();
    }
}
