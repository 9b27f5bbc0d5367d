package io.incidentflow.processstate;

import io.incidentflow.continuity.ContinuityVariables;
import io.incidentflow.engine.ProcessVariable;
import io.incidentflow.incident.problem.ProblemVariables;
import io.incidentflow.incident.process.IncidentVariables;
import io.incidentflow.major.MajorIncidentVariables;
import io.incidentflow.notify.delivery.DeliveryVariables;
import io.incidentflow.notify.page.PageModel;
import io.incidentflow.tasklist.TaskCardVariables;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The variables that steer the processes and that no person writes: the ones the app declares (the
 * {@link ProcessVariable} constants of the classes below) that no form asks a person for, plus those
 * declared {@link ProcessVariable#control()} although a form asks for them. incidentId, resolverGroup,
 * priority, the due dates, the roles of a major incident ...
 *
 * <p>The forms are read from the classpath, as the app ships them, not from later deployments: a
 * deployed form that adds a field named {@code resolverGroup} must not make it writable.
 */
@Component
public class ControlVariables {

    /** The classes declaring process variables, one per process (or family of processes). */
    static final List<Class<?>> DECLARATIONS = List.of(IncidentVariables.class, MajorIncidentVariables.class,
            ContinuityVariables.class, ProblemVariables.class, DeliveryVariables.class, PageModel.class,
            TaskCardVariables.class);

    private final Set<String> names;

    public ControlVariables() {
        this(DECLARATIONS, formInputs("classpath*:forms/**/*.form"));
    }

    ControlVariables(List<Class<?>> declarations, Set<String> formInputs) {
        Set<String> control = new TreeSet<>();
        declarations.stream().flatMap(ControlVariables::declared).forEach(variable -> {
            if (variable.isControl() || !formInputs.contains(variable.name())) {
                control.add(variable.name());
            }
        });
        this.names = Set.copyOf(control);
    }

    public boolean contains(String variableName) {
        return names.contains(variableName);
    }

    public Set<String> names() {
        return new TreeSet<>(names);
    }

    /** The public static ProcessVariable constants of a class, also those grouped in lists and maps. */
    static Stream<ProcessVariable<?>> declared(Class<?> declaringClass) {
        return Stream.of(declaringClass.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()))
                .flatMap(f -> variablesIn(read(f)));
    }

    private static Stream<ProcessVariable<?>> variablesIn(Object value) {
        if (value instanceof ProcessVariable<?> variable) {
            return Stream.of(variable);
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().flatMap(ControlVariables::variablesIn);
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().flatMap(ControlVariables::variablesIn);
        }
        return Stream.empty();
    }

    private static Object read(Field field) {
        try {
            return field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read " + field, e);
        }
    }

    private static Set<String> formInputs(String pattern) {
        Set<String> inputs = new HashSet<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                try (InputStream in = resource.getInputStream()) {
                    inputs.addAll(CamundaForm.parse(in).inputs().keySet());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the forms " + pattern, e);
        }
        return inputs;
    }
}
