package io.incidentflow.modelgate;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;

/**
 * Java bean access for expressions, minus the doors out of the model: no member in
 * {@link ModelExpressions#FORBIDDEN_MEMBERS} and nothing at all on engine services, classes, class loaders,
 * threads or the runtime, whatever the expression did to get there. The last line of defence behind the
 * deployment check, for a model that reached the engine some other way.
 */
class GuardedBeanElResolver extends BeanELResolver {

    private static final Set<Class<?>> SEALED_TYPES = Set.of(ProcessEngine.class, ProcessEngineServices.class,
            ProcessEngineConfiguration.class, Class.class, ClassLoader.class, Thread.class, Runtime.class,
            System.class, java.lang.reflect.AccessibleObject.class, Module.class);

    GuardedBeanElResolver() {
        super(true);
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        refuse(base, property);
        return super.getValue(context, base, property);
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        refuse(base, property);
        return super.getType(context, base, property);
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        refuse(base, property);
        super.setValue(context, base, property, value);
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        refuse(base, method);
        return super.invoke(context, base, method, paramTypes, params);
    }

    private static void refuse(Object base, Object member) {
        if (base == null) {
            return;
        }
        if (member != null && ModelExpressions.FORBIDDEN_MEMBERS.contains(member.toString())) {
            throw new ELException("Models may not use '" + member + "'");
        }
        for (Class<?> sealed : SEALED_TYPES) {
            if (sealed.isInstance(base) || isEngineService(base)) {
                throw new ELException("Models may not use " + base.getClass().getSimpleName() + "." + member);
            }
        }
    }

    /** RuntimeService, IdentityService, …: every public service interface of the engine. */
    private static boolean isEngineService(Object base) {
        for (Class<?> type : base.getClass().getInterfaces()) {
            if (type.getPackageName().equals("org.camunda.bpm.engine") && type.getSimpleName().endsWith("Service")) {
                return true;
            }
        }
        return false;
    }
}
