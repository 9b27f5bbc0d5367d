package io.incidentflow.modelgate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import io.incidentflow.security.Roles;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link ModelGate} inside the engine, before its own deployers: whatever way a deployment comes
 * in, a refused one throws a {@link ParseException} and the transaction rolls back, so nothing is deployed.
 * The engine REST API answers it with 400 and the problems per element, as for a parse error.
 */
class ModelGateDeployer implements Deployer {

    private static final Logger log = LoggerFactory.getLogger(ModelGateDeployer.class);

    private final ModelGate gate;

    ModelGateDeployer(ModelGate gate) {
        this.gate = gate;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return; // the engine re-reads a deployment it accepted earlier into its cache
        }
        Map<String, byte[]> resources = new LinkedHashMap<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            resources.put(resource.getName(), resource.getBytes());
        }
        List<ModelProblem> problems = gate.check(resources, new EngineModels(Context.getCommandContext()));
        if (problems.isEmpty()) {
            return;
        }
        String message = "The model gate refused deployment '" + deployment.getName() + "' (nothing was deployed):\n"
                + problems.stream().map(ModelProblem::getMessage).collect(Collectors.joining("\n"));
        log.warn(message.replace('\r', ' '));
        throw new ParseException(message, problems.get(0).resource(), List.<Problem>copyOf(problems), List.of());
    }

    /** Looks up what the engine already has, as the application (the deployer's rights do not matter here). */
    private record EngineModels(CommandContext commandContext) implements ModelGate.Deployed {

        @Override
        public boolean hasProcess(String key) {
            return asApplication(() -> commandContext.getProcessDefinitionManager().findLatestProcessDefinitionByKey(key) != null);
        }

        @Override
        public boolean hasDecision(String key) {
            return asApplication(() -> commandContext.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(key) != null);
        }

        @Override
        public boolean hasForm(String key) {
            return asApplication(() -> commandContext.getCamundaFormDefinitionManager().findLatestDefinitionByKey(key) != null);
        }

        /** The role groups count as existing before the application creates them after the engine's start. */
        @Override
        public boolean hasGroup(String groupId) {
            return Roles.all().contains(groupId) || asApplication(() -> commandContext.getReadOnlyIdentityProvider().findGroupById(groupId) != null);
        }

        private boolean asApplication(Supplier<Boolean> lookup) {
            try {
                // restores the caller's setting afterwards: the engine deploys without authorization checks
                return commandContext.runWithoutAuthorization(lookup::get);
            } catch (RuntimeException e) {
                return false; // e.g. the key exists in several tenants: not a reference we can resolve
            }
        }
    }
}
