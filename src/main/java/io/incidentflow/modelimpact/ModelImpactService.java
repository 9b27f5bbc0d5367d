package io.incidentflow.modelimpact;

import io.incidentflow.modelgate.EngineModels;
import io.incidentflow.modelgate.ModelGate;
import io.incidentflow.modelgate.ModelProblem;
import io.incidentflow.common.FieldProblem;
import io.incidentflow.common.InvalidInputException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Service;

/** Checks a changed model against the gate, then asks what it would change (nothing is deployed). */
@Service
public class ModelImpactService {

    /** Upper bound of the decisions evaluated again per request: each costs a history read and an evaluation. */
    public static final int MAX_LAST = 10_000;

    private final ModelGate gate;
    private final ProcessEngine engine;
    private final DecisionImpact decisions;
    private final ProcessImpact processes;

    public ModelImpactService(ModelGate gate, ProcessEngine engine, DecisionImpact decisions, ProcessImpact processes) {
        this.gate = gate;
        this.engine = engine;
        this.decisions = decisions;
        this.processes = processes;
    }

    public ModelImpact of(String fileName, byte[] content, int last, String decision) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        boolean dmn = name.endsWith(".dmn");
        if (!dmn && !name.endsWith(".bpmn")) {
            throw new InvalidInputException("file", "must be a .dmn or .bpmn model (got '" + fileName + "')");
        }
        if (dmn && (last < 1 || last > MAX_LAST)) {
            throw new InvalidInputException("last", "must be between 1 and " + MAX_LAST + " (got " + last + ")");
        }
        List<ModelProblem> problems = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired()
                .execute(context -> gate.check(Map.of(fileName, content), new EngineModels(context)));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream()
                    .map(p -> new FieldProblem("file", p.getMessage()))
                    .toList());
        }
        return dmn
                ? new ModelImpact(fileName, decisions.of(content, decision, last), null)
                : new ModelImpact(fileName, null, processes.of(content));
    }
}
