package io.incidentflow.incident;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.incidentflow.common.Coded;

/** Impact (how widely the business is hit) and urgency (how fast it hurts) are rated on one scale. */
public enum Level implements Coded {
    HIGH("high"),
    MEDIUM("medium"),
    LOW("low");

    private final String code;

    Level(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Level fromCode(String code) {
        return Coded.fromCode(Level.class, "level", code);
    }
}
