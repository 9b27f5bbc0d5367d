package io.incidentflow;

import io.incidentflow.engine.EngineClock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The engine's clock in a test: optionally stopped at a start time before each test, moved by the test, and
 * back to the system clock after each test, also when it fails (the Spring context and so the clock are
 * shared by every test class).
 * <pre>{@code @RegisterExtension final EngineClockExtension clock = EngineClockExtension.startingAt(MONDAY);}</pre>
 */
public final class EngineClockExtension implements BeforeEachCallback, AfterEachCallback {

    private final Supplier<Instant> start;

    private EngineClockExtension(Supplier<Instant> start) {
        this.start = start;
    }

    /** The clock stands at {@code start} when each test begins. */
    public static EngineClockExtension startingAt(Instant start) {
        return new EngineClockExtension(() -> start);
    }

    /** The clock stands at the time {@code start} gives when each test begins, e.g. now in whole seconds. */
    public static EngineClockExtension startingAt(Supplier<Instant> start) {
        return new EngineClockExtension(start);
    }

    /** The clock runs with the system clock until a test sets it. */
    public static EngineClockExtension systemTimeUntilSet() {
        return new EngineClockExtension(null);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (start != null) {
            EngineClock.set(start.get());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        EngineClock.reset();
    }

    public Instant now() {
        return EngineClock.now();
    }

    public void set(Instant time) {
        EngineClock.set(time);
    }

    public void advance(Duration duration) {
        EngineClock.advance(duration);
    }

    /** Back to the system clock within a test, e.g. after back-dating a fixture. */
    public void reset() {
        EngineClock.reset();
    }
}
