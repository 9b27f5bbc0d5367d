package io.incidentflow.security;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

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
@Validated
public record LoginThrottleProperties(@PositiveOrZero int freeFailures, @PositiveOrZero int clientFreeFailures,
                                      @NotNull @DurationMin(nanos = 0, inclusive = false) Duration initialDelay,
                                      @NotNull Duration maxDelay, @NotNull Duration forgetAfter) {

    @AssertTrue(message = "max-delay must be at least initial-delay, and forget-after at least max-delay")
    boolean isDelaysInOrder() {
        return initialDelay == null || maxDelay == null || forgetAfter == null
                || maxDelay.compareTo(initialDelay) >= 0 && forgetAfter.compareTo(maxDelay) >= 0;
    }
}
