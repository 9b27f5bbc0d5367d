package io.incidentflow.incident;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.incidentflow.common.Coded;

/** The two service-level clocks of an incident. */
public enum SlaClock implements Coded {
    /** Until someone from the service desk takes the incident. */
    RESPONSE("response"),
    /** Until service is restored. */
    RESOLUTION("resolution");

    private final String code;

    SlaClock(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static SlaClock fromCode(String code) {
        return Coded.fromCode(SlaClock.class, "sla clock", code);
    }
}
