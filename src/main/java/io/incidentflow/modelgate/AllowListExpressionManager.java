package io.incidentflow.modelgate;

import org.camunda.bpm.engine.impl.el.ReadOnlyMapELResolver;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;

/**
 * The engine's expression manager with two changes to Spring's: names resolve to process variables and the
 * allow-listed {@link ModelBeans} only (Spring's resolver would hand out any bean of the application), and
 * Java bean access goes through {@link GuardedBeanElResolver}. BPMN and DMN (JUEL) expressions both use it.
 */
class AllowListExpressionManager extends SpringExpressionManager {

    AllowListExpressionManager(ModelBeans beans) {
        super(null, beans.asMap());
    }

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new VariableScopeElResolver());
        resolver.add(new VariableContextElResolver());
        resolver.add(new ReadOnlyMapELResolver(beans));
        resolver.add(new ArrayELResolver());
        resolver.add(new ListELResolver());
        resolver.add(new MapELResolver());
        resolver.add(new GuardedBeanElResolver());
        return resolver;
    }
}
