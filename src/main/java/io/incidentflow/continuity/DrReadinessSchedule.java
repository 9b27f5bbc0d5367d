package io.incidentflow.continuity;

import io.incidentflow.modelgate.ModelValue;
import org.springframework.stereotype.Component;

/**
 * The cycle of the timer start event of {@code dr-readiness.bpmn}, {@code ${drReadinessSchedule.cycle}}: a
 * timer start event has no process variables to read configuration from, only beans.
 */
@Component
@ModelValue
public class DrReadinessSchedule {

    private final ContinuityProperties properties;

    public DrReadinessSchedule(ContinuityProperties properties) {
        this.properties = properties;
    }

    public String getCycle() {
        return properties.readinessCycle();
    }
}
