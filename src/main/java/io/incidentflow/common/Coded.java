package io.incidentflow.common;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A value with a stable lower-case code, as used in the models (DMN inputs, form values) and the
 * API, e.g. {@code mission-critical}.
 */
public interface Coded {

    String code();

    /** The constant with this code; an unknown code names what was expected. */
    static <E extends Enum<E> & Coded> E fromCode(Class<E> type, String what, String code) {
        E[] values = type.getEnumConstants();
        return Arrays.stream(values).filter(v -> v.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown " + what + " '" + code
                        + "' (expected one of " + Arrays.stream(values).map(Coded::code)
                        .collect(Collectors.joining(", ")) + ")"));
    }
}
