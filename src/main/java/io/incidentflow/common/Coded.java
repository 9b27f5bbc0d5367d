package io.incidentflow.common;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An enum whose constants have a stable lower-case code, used in the models (DMN inputs, form values)
 * and the API: {@code MISSION_CRITICAL} is {@code mission-critical}. Jackson reads and writes the code.
 */
public interface Coded {

    String name();

    @JsonValue
    default String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant with this code; an unknown code is refused naming the codes there are. */
    static <E extends Enum<E> & Coded> E fromCode(Class<E> type, String code) {
        return find(type, code).orElseThrow(() -> new IllegalArgumentException("unknown value '" + code + "' (" + expected(type) + ")"));
    }

    /** The constant with this code, if there is one. */
    static <E extends Enum<E> & Coded> Optional<E> find(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(v -> v.code().equals(code)).findFirst();
    }

    /** "expected one of a, b, c" for an enum of codes, or of constant names for any other enum. */
    static String expected(Class<?> type) {
        return "expected one of " + Arrays.stream(type.getEnumConstants())
                .map(v -> v instanceof Coded coded ? coded.code() : String.valueOf(v))
                .collect(Collectors.joining(", "));
    }
}
