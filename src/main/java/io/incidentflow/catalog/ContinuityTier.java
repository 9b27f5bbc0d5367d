package io.incidentflow.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.incidentflow.common.Coded;

/** The disaster-recovery arrangement of a service: how ready its recovery site is. */
public enum ContinuityTier implements Coded {
    HOT("hot"),
    WARM("warm"),
    COLD("cold"),
    REBUILD("rebuild");

    private final String code;

    ContinuityTier(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static ContinuityTier fromCode(String code) {
        return Coded.fromCode(ContinuityTier.class, "continuity tier", code);
    }
}
