package io.incidentflow.ingest;

import io.incidentflow.engine.EngineClock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * Per-key rate limit, like PagerDuty's per integration key: a token bucket per key, in memory on each
 * node. A key may send its limit per minute, that many at once at most, refilled evenly over the minute.
 * <p>
 * In memory because the check sits on the hot path of an alert storm: it costs a map lookup and a
 * short lock of that key's bucket, no database access. With several nodes behind a load balancer a key
 * may send its limit to each node.
 */
@Component
public class KeyRateLimiter {

    private static final double MILLIS_PER_MINUTE = 60_000.0;

    /** The key sent more than its limit; nothing of the event was read or stored. */
    public static class RateLimitedException extends RuntimeException {
        private final long retryAfterSeconds;

        RateLimitedException(int perMinute, long retryAfterSeconds) {
            super("This integration key may send " + perMinute + " events per minute; retry after "
                    + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    private final IngestProperties properties;
    private final ConcurrentMap<Long, Bucket> buckets = new ConcurrentHashMap<>();

    public KeyRateLimiter(IngestProperties properties) {
        this.properties = properties;
    }

    /** Takes one event from the key's allowance, or throws {@link RateLimitedException}. */
    public void acquire(Integration integration) {
        int perMinute = integration.rateLimitPerMinute() != null ? integration.rateLimitPerMinute()
                : properties.rateLimit().eventsPerMinute();
        if (perMinute == 0) {
            return;
        }
        long waitMillis = buckets.computeIfAbsent(integration.id(), id -> new Bucket())
                .take(perMinute, EngineClock.now().toEpochMilli());
        if (waitMillis > 0) {
            throw new RateLimitedException(perMinute, Math.max(1, (waitMillis + 999) / 1000));
        }
    }

    private static final class Bucket {
        private double tokens = Double.NaN;
        private long lastMillis;

        /** @return 0 when a token was taken, else the milliseconds until the next one */
        synchronized long take(int perMinute, long nowMillis) {
            if (Double.isNaN(tokens)) {
                tokens = perMinute;
            } else {
                // A clock moved backwards (tests reset the engine clock) refills nothing and starves no one.
                long elapsed = Math.max(0, nowMillis - lastMillis);
                tokens = Math.min(perMinute, tokens + elapsed * perMinute / MILLIS_PER_MINUTE);
            }
            lastMillis = nowMillis;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) * MILLIS_PER_MINUTE / perMinute);
        }
    }
}
