package io.incidentflow.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.incidentflow.engine.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Failed logins counted per (client address, user id) and per client address, in memory of this node.
 * Past a few free failures the client has to wait before its next attempt, a delay that doubles with each
 * further failure up to a cap. Only that client waits: unlike Camunda's own lock of the user, a stranger's
 * failures never keep the right password from working for the user elsewhere. A success clears the
 * (client, user) count; everything is forgotten some time after the last failure.
 *
 * <p>Time is the engine's ({@link EngineClock}), so tests move it instead of sleeping.
 */
@Component
public class LoginThrottle {

    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    /** {@code userId} null: all failures of the client. */
    private record Key(String client, String userId) {
    }

    private record Failures(int count, Instant last, Instant blockedUntil) {
    }

    private final LoginThrottleProperties properties;
    private final Map<Key, Failures> failures = new ConcurrentHashMap<>();
    private volatile Instant nextSweep = Instant.MIN;

    public LoginThrottle(LoginThrottleProperties properties) {
        this.properties = properties;
    }

    /** How long the client must still wait before it may try this user, if at all. */
    public Optional<Duration> retryAfter(String client, String userId) {
        Instant now = EngineClock.now();
        Instant until = later(blockedUntil(new Key(client, null), now), blockedUntil(key(client, userId), now));
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    public void failed(String client, String userId) {
        Instant now = EngineClock.now();
        sweepIfDue(now);
        count(new Key(client, null), properties.clientFreeFailures(), now);
        count(key(client, userId), properties.freeFailures(), now);
    }

    /**
     * The client knew the user's password: its failures for that user are forgotten. Its count over all
     * users stays, or a sprayer could reset it by logging in with an account of its own.
     */
    public void succeeded(String client, String userId) {
        failures.remove(key(client, userId));
    }

    /** Forgets the failures for this user from every client (an administrator unlocks the user). */
    public void clearUser(String userId) {
        String normalized = normalize(userId);
        failures.keySet().removeIf(key -> normalized.equals(key.userId()));
    }

    private void count(Key key, int free, Instant now) {
        failures.compute(key, (k, previous) -> {
            int count = previous == null || expired(previous, now) ? 1 : previous.count() + 1;
            return new Failures(count, now, count > free ? now.plus(delay(count - free)) : now);
        });
    }

    /** Delay after the n-th failure beyond the free ones: initial, 2 × initial, 4 × initial … up to the cap. */
    private Duration delay(int beyondFree) {
        Duration delay = properties.initialDelay();
        for (int i = 1; i < beyondFree && delay.compareTo(properties.maxDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(properties.maxDelay()) > 0 ? properties.maxDelay() : delay;
    }

    private Instant blockedUntil(Key key, Instant now) {
        Failures entry = failures.get(key);
        return entry == null || expired(entry, now) ? Instant.MIN : entry.blockedUntil();
    }

    private boolean expired(Failures entry, Instant now) {
        return !now.isBefore(entry.last().plus(properties.forgetAfter()));
    }

    /** Keeps memory bounded under a flood of failures for ever new user ids. */
    private void sweepIfDue(Instant now) {
        if (now.isAfter(nextSweep)) {
            nextSweep = now.plus(SWEEP_INTERVAL);
            failures.values().removeIf(entry -> expired(entry, now));
        }
    }

    private static Key key(String client, String userId) {
        return new Key(client, normalize(userId));
    }

    /** Some databases compare user ids without case: "Admin" must not be a fresh start for "admin". */
    private static String normalize(String userId) {
        return userId.toLowerCase(Locale.ROOT);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
