package io.incidentflow.engine;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A process variable declared once with its name and type, so delegates, services and tests read
 * and write it the same way instead of casting {@code getVariable("x")} results.
 */
public final class ProcessVariable<T> {

    private final String name;
    private final Class<T> type;
    private final boolean control;

    private ProcessVariable(String name, Class<T> type) {
        this(name, type, false);
    }

    private ProcessVariable(String name, Class<T> type, boolean control) {
        this.name = name;
        this.type = type;
        this.control = control;
    }

    public static ProcessVariable<String> stringVariable(String name) {
        return new ProcessVariable<>(name, String.class);
    }

    public static ProcessVariable<Boolean> booleanVariable(String name) {
        return new ProcessVariable<>(name, Boolean.class);
    }

    /** A number as a form or an API sends it: Integer, Long or Double, whichever the sender chose. */
    public static ProcessVariable<Number> numberVariable(String name) {
        return new ProcessVariable<>(name, Number.class);
    }

    public static ProcessVariable<Date> dateVariable(String name) {
        return new ProcessVariable<>(name, Date.class);
    }

    @SuppressWarnings("unchecked")
    public static ProcessVariable<List<String>> stringListVariable(String name) {
        return new ProcessVariable<>(name, (Class<List<String>>) (Class<?>) List.class);
    }

    @SuppressWarnings("unchecked")
    public static ProcessVariable<Map<String, Object>> mapVariable(String name) {
        return new ProcessVariable<>(name, (Class<Map<String, Object>>) (Class<?>) Map.class);
    }

    public String name() {
        return name;
    }

    /**
     * The same variable, marked as steering the process although a form asks a person for it (e.g. the roles
     * of a major incident, the incident a hypothesis is for). Variables no form asks for are control
     * variables anyway; see {@code io.incidentflow.processstate.ControlVariables}.
     */
    public ProcessVariable<T> control() {
        return new ProcessVariable<>(name, type, true);
    }

    public boolean isControl() {
        return control;
    }

    /** The value, or empty when the variable is absent or null in the scope hierarchy. */
    public Optional<T> find(VariableScope scope) {
        return Optional.ofNullable(scope.getVariable(name)).map(this::cast);
    }

    /** The value; a missing value is a modelling error, reported with the variable's name. */
    public T get(VariableScope scope) {
        return find(scope).orElseThrow(() -> new IllegalStateException(
                "Process variable '" + name + "' is not set"));
    }

    /** An input parameter of the current activity (camunda:inputParameter). */
    public T getLocal(VariableScope scope) {
        Object value = scope.getVariableLocal(name);
        if (value == null) {
            throw new IllegalStateException("Input parameter '" + name + "' is not set on this activity");
        }
        return cast(value);
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, value);
    }

    /** Sets the variable on this scope itself, e.g. one run of an event sub-process, not on the whole instance. */
    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, value);
    }

    /** Adds this variable to a map of variables for starting or correlating. */
    public Map<String, Object> putInto(Map<String, Object> variables, T value) {
        variables.put(name, value);
        return variables;
    }

    private T cast(Object value) {
        if (!type.isInstance(value)) {
            throw new IllegalStateException("Process variable '" + name + "' should be a "
                    + type.getSimpleName() + " but is a " + value.getClass().getSimpleName());
        }
        return type.cast(value);
    }
}
