package io.incidentflow.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
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

    /** Stops the engine's clock at {@code time} (tests; see EngineClockExtension) until {@link #reset()}. */
    public static void set(Instant time) {
        ClockUtil.setCurrentTime(Date.from(time));
    }

    /** Moves the engine's clock on and stops it there. */
    public static void advance(Duration duration) {
        set(now().plus(duration));
    }

    /** Back to the system clock. */
    public static void reset() {
        ClockUtil.reset();
    }
}
