package io.incidentflow.incident;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.incidentflow.common.Coded;

/** Technical category of an incident. */
public enum Category implements Coded {
    HARDWARE("hardware"),
    SOFTWARE("software"),
    NETWORK("network"),
    ACCESS("access"),
    SECURITY("security"),
    OTHER("other");

    private final String code;

    Category(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Category fromCode(String code) {
        return Coded.fromCode(Category.class, "category", code);
    }
}
