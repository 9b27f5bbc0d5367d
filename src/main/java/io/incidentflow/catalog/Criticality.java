package io.incidentflow.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.incidentflow.common.Coded;

/** How much the business depends on a service (business impact analysis). */
public enum Criticality implements Coded {
    MISSION_CRITICAL("mission-critical"),
    SUPPORTING("supporting"),
    INTERNAL("internal");

    private final String code;

    Criticality(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Criticality fromCode(String code) {
        return Coded.fromCode(Criticality.class, "criticality", code);
    }
}
