package io.incidentflow.modelgate;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationContext;

/**
 * The application's beans that models may name:
 * the process steps (every {@link JavaDelegate}, {@link ExecutionListener} and {@link TaskListener} bean)
 * and the value beans marked {@link ModelValue}. No other bean (services, repositories, the engine's own
 * services, {@code jdbcTemplate}) can be reached from an expression.
 *
 * <p>The names are read on first use, not when the engine is built: the delegates depend on services that
 * depend on the engine, so they do not exist yet when it is configured.
 */
public class ModelBeans {

    private final ApplicationContext context;
    private volatile Set<String> names;

    public ModelBeans(ApplicationContext context) {
        this.context = context;
    }

    /** The names of the allowed beans, sorted. */
    public Set<String> names() {
        Set<String> current = names;
        if (current == null) {
            current = new TreeSet<>();
            for (Class<?> type : new Class<?>[] {JavaDelegate.class, ExecutionListener.class, TaskListener.class}) {
                current.addAll(Arrays.asList(context.getBeanNamesForType(type, false, false)));
            }
            current.addAll(Arrays.asList(context.getBeanNamesForAnnotation(ModelValue.class)));
            names = current = Set.copyOf(current);
        }
        return current;
    }

    /** Whether the name is a bean of the application (allowed or not). */
    public boolean isApplicationBean(String name) {
        return context.containsBean(name);
    }

    /** Whether models may name this bean. */
    public boolean isAllowed(String name) {
        return names().contains(name);
    }

    /** The allowed beans as the read-only map the engine's expression resolver looks names up in. */
    Map<Object, Object> asMap() {
        return new AbstractMap<>() {
            @Override
            public boolean containsKey(Object key) {
                return key instanceof String name && isAllowed(name);
            }

            @Override
            public Object get(Object key) {
                return containsKey(key) ? context.getBean((String) key) : null;
            }

            @Override
            public Set<Entry<Object, Object>> entrySet() {
                return names().stream()
                        .map(name -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(name, get(name)))
                        .collect(Collectors.toUnmodifiableSet());
            }
        };
    }
}
