package io.incidentflow.incident;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.incidentflow.common.Coded;

/** How service was restored. */
public enum ResolutionType implements Coded {
    /** Permanent fix. */
    FIX("fix"),
    /** Restores service but leaves the cause: technical debt tracked by a problem record. */
    WORKAROUND("workaround");

    private final String code;

    ResolutionType(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static ResolutionType fromCode(String code) {
        return Coded.fromCode(ResolutionType.class, "resolution type", code);
    }
}
