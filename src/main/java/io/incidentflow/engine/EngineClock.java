package io.incidentflow.engine;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The time as the process engine sees it. Due dates the application computes must agree with the
 * engine's timers, also when tests move the engine's clock.
 */
public final class EngineClock {

    private EngineClock() {
    }

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
