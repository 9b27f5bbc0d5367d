package io.incidentflow;

import io.incidentflow.engine.ProcessVariable;
import java.util.HashMap;
import java.util.Map;

/**
 * Variables for starting, correlating or completing a task in tests, named by their typed declarations
 * ({@code Variables.of(value(DIAGNOSIS_OUTCOME, "resolved"))}), so a misspelt name or a wrong type does not compile.
 */
public final class Variables {

    /** One variable and its value. */
    public record Value(String name, Object value) {
    }

    public static <T> Value value(ProcessVariable<T> variable, T value) {
        return new Value(variable.name(), value);
    }

    public static Map<String, Object> of(Value... values) {
        Map<String, Object> variables = new HashMap<>();
        for (Value value : values) {
            variables.put(value.name(), value.value());
        }
        return variables;
    }

    private Variables() {
    }
}
