package io.incidentflow.modelgate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.context.Context;
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
}
