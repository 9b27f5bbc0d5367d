package io.incidentflow.modelgate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean whose properties models may read in expressions, e.g. a timer cycle from configuration
 * ({@code ${drReadinessSchedule.cycle}}). Such a bean exposes values only: no method that changes state or
 * hands out other beans.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ModelValue {
}
