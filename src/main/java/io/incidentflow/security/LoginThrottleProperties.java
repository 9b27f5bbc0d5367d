package io.incidentflow.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code incidentflow.login-throttle.*}: how failed logins slow down further attempts from the same client
 * address ({@link LoginThrottle}).
 *
 * @param freeFailures       failed logins of one user from one client address that are answered normally;
 *                           each further failure makes that client wait before it may try that user again
 * @param clientFreeFailures failed logins from one client address, whatever the user, before that client
 *                           has to wait for every user (slows down password spraying)
 * @param initialDelay       wait after the first failure beyond the free ones; it doubles with each further one
 * @param maxDelay           the longest wait
 * @param forgetAfter        failures are forgotten this long after the last one; at least {@code maxDelay}
 */
@ConfigurationProperties("incidentflow.login-throttle")
public record LoginThrottleProperties(int freeFailures, int clientFreeFailures, Duration initialDelay,
                                      Duration maxDelay, Duration forgetAfter) {

    public LoginThrottleProperties {
        if (freeFailures < 0 || clientFreeFailures < 0) {
            throw new IllegalArgumentException(
                    "incidentflow.login-throttle.free-failures and client-free-failures must not be negative");
        }
        if (initialDelay == null || initialDelay.isNegative() || initialDelay.isZero()
                || maxDelay == null || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException(
                    "incidentflow.login-throttle.initial-delay must be positive and max-delay at least initial-delay");
        }
        if (forgetAfter == null || forgetAfter.compareTo(maxDelay) < 0) {
            throw new IllegalArgumentException("incidentflow.login-throttle.forget-after must be at least max-delay");
        }
    }
}
