package io.incidentflow.modelgate;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Puts the trust boundary for models into the engine: the {@link ModelGate} before every deployment, and
 * expressions that resolve only the allow-listed {@link ModelBeans} at run time.
 */
@Component
public class ModelGatePlugin extends AbstractProcessEnginePlugin {

    private final ModelGate gate;
    private final ModelBeans beans;

    public ModelGatePlugin(ModelGate gate, ModelBeans beans) {
        this.gate = gate;
        this.beans = beans;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // Replaces the Spring expression manager the engine factory set, which resolves every bean by name.
        configuration.setExpressionManager(new AllowListExpressionManager(beans));
        List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
        preDeployers.add(0, new ModelGateDeployer(gate));
        configuration.setCustomPreDeployers(preDeployers);
    }

    @Configuration(proxyBeanMethods = false)
    static class Beans {
        @Bean
        ModelBeans modelBeans(ApplicationContext context) {
            return new ModelBeans(context);
        }
    }
}
