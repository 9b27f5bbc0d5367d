package io.incidentflow.modelimpact;

import io.incidentflow.common.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * A changed process compared with the running instances of its key: which have no place in the new version, and a
 * migration plan for the others. The plan is built from the models as the engine's own generator would (same id,
 * same kind of element, parent scopes mapped too, only elements the engine can migrate), because the engine can
 * only generate one once the new version is deployed; the engine validates it again when it is executed.
 */
@Component
class ProcessImpact {

    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";
    /** Elements whose instances the engine migrates (its SupportedActivityValidator); others only when asynchronous. */
    private static final Set<String> MIGRATABLE = Set.of("userTask", "receiveTask", "callActivity", "subProcess",
            "boundaryEvent", "intermediateCatchEvent", "eventBasedGateway", "parallelGateway", "inclusiveGateway");
    private static final String NOTE = "Deploy the new version (through the model gate), put its id as "
            + "targetProcessDefinitionId (GET /engine-rest/process-definition/key/{key}), check each plan with POST "
            + "/engine-rest/migration/validate and run it with POST /engine-rest/migration/execute. Instances without a "
            + "place keep running on their version: let them finish, or move them with process instance modification first.";

    private final RepositoryService repository;
    private final RuntimeService runtime;

    ProcessImpact(ProcessEngine engine) {
        this.repository = engine.getRepositoryService();
        this.runtime = engine.getRuntimeService();
    }

    /** What the new version means for one process key. */
    public record Report(String processKey, String deployedDefinitionId, List<String> removedActivityIds,
                         int runningInstances, List<Stranded> withoutPlace, List<Stranded> notCovered,
                         List<MigrationRequest> migrations, String note) {
    }

    /** A running instance and the activities it is in that keep it from migrating. */
    public record Stranded(String processInstanceId, String businessKey, String processDefinitionId, List<String> activityIds) {
    }

    /** The body of POST /engine-rest/migration/execute. */
    public record MigrationRequest(Plan migrationPlan, List<String> processInstanceIds, boolean skipCustomListeners,
                                   boolean skipIoMappings) {
    }

    /** targetProcessDefinitionId is null until the new version is deployed. */
    public record Plan(String sourceProcessDefinitionId, String targetProcessDefinitionId, List<Instruction> instructions) {
    }

    public record Instruction(List<String> sourceActivityIds, List<String> targetActivityIds, boolean updateEventTrigger) {
    }

    List<Report> of(byte[] content) {
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
        } catch (RuntimeException e) {
            throw new InvalidInputException("file", "is not a BPMN model the engine can read: " + e.getMessage());
        }
        List<Process> processes = model.getModelElementsByType(Process.class).stream().filter(Process::isExecutable).toList();
        if (processes.isEmpty()) {
            throw new InvalidInputException("file", "has no executable process");
        }
        List<Report> reports = new ArrayList<>();
        for (Process process : processes) {
            ProcessDefinition deployed = repository.createProcessDefinitionQuery().processDefinitionKey(process.getId())
                    .latestVersion().singleResult();
            if (deployed == null) {
                throw new InvalidInputException("file", "the process '" + process.getId()
                        + "' is not deployed, so nothing runs on it: nothing to compare with");
            }
            reports.add(report(process, deployed));
        }
        return reports;
    }

    private Report report(Process process, ProcessDefinition deployed) {
        Set<String> kept = process.getModelInstance().getModelElementsByType(FlowNode.class).stream()
                .filter(n -> isIn(n, process)).map(FlowNode::getId).collect(Collectors.toSet());
        List<String> removed = flowNodeIds(deployed.getId()).stream().filter(id -> !kept.contains(id)).toList();
        List<ProcessInstance> running = runtime.createProcessInstanceQuery().processDefinitionKey(process.getId())
                .orderByProcessInstanceId().asc().list();
        Map<String, List<Instruction>> plans = new LinkedHashMap<>();
        Map<String, List<String>> migratable = new LinkedHashMap<>();
        List<Stranded> withoutPlace = new ArrayList<>();
        List<Stranded> notCovered = new ArrayList<>();
        for (ProcessInstance instance : running) {
            String source = instance.getProcessDefinitionId();
            List<Instruction> plan = plans.computeIfAbsent(source, id -> plan(id, process));
            Set<String> mapped = plan.stream().map(i -> i.sourceActivityIds().get(0)).collect(Collectors.toSet());
            Set<String> current = currentActivities(instance.getId());
            List<String> gone = current.stream().filter(id -> !kept.contains(id.replace(MULTI_INSTANCE_BODY, ""))).toList();
            List<String> unmapped = current.stream().filter(id -> !mapped.contains(id)).toList();
            if (!gone.isEmpty()) {
                withoutPlace.add(new Stranded(instance.getId(), instance.getBusinessKey(), source, gone));
            } else if (!unmapped.isEmpty()) {
                notCovered.add(new Stranded(instance.getId(), instance.getBusinessKey(), source, unmapped));
            } else {
                migratable.computeIfAbsent(source, id -> new ArrayList<>()).add(instance.getId());
            }
        }
        List<MigrationRequest> migrations = migratable.entrySet().stream()
                .map(e -> new MigrationRequest(new Plan(e.getKey(), null, plans.get(e.getKey())), e.getValue(), false, false))
                .toList();
        return new Report(process.getId(), deployed.getId(), removed, running.size(), withoutPlace, notCovered, migrations, NOTE);
    }

    private List<String> flowNodeIds(String definitionId) {
        BpmnModelInstance model = repository.getBpmnModelInstance(definitionId);
        Process process = model.getModelElementById(repository.getProcessDefinition(definitionId).getKey());
        return model.getModelElementsByType(FlowNode.class).stream().filter(n -> isIn(n, process)).map(FlowNode::getId).toList();
    }

    /** The activities an instance is in or waits before/after (asynchronous continuations), as the engine names them. */
    private Set<String> currentActivities(String processInstanceId) {
        Set<String> ids = new LinkedHashSet<>();
        ActivityInstance root = runtime.getActivityInstance(processInstanceId);
        if (root != null) {
            collect(root, ids);
        }
        return ids;
    }

    private static void collect(ActivityInstance scope, Set<String> ids) {
        for (ActivityInstance child : scope.getChildActivityInstances()) {
            ids.add(child.getActivityId());
            collect(child, ids);
        }
        for (TransitionInstance waiting : scope.getChildTransitionInstances()) {
            ids.add(waiting.getActivityId());
        }
    }

    /** Instructions from a deployed version to the new process, scope by scope from the process down. */
    private List<Instruction> plan(String sourceDefinitionId, Process target) {
        BpmnModelInstance sourceModel = repository.getBpmnModelInstance(sourceDefinitionId);
        Process source = sourceModel.getModelElementById(target.getId());
        List<Instruction> instructions = new ArrayList<>();
        map(source, target, instructions);
        return instructions;
    }

    private void map(ModelElementInstance sourceScope, ModelElementInstance targetScope, List<Instruction> instructions) {
        Set<String> mapped = new LinkedHashSet<>();
        List<FlowNode> nodes = sourceScope.getChildElementsByType(FlowNode.class).stream()
                .sorted((a, b) -> Boolean.compare(a instanceof BoundaryEvent, b instanceof BoundaryEvent)) // after their hosts
                .toList();
        for (FlowNode source : nodes) {
            FlowNode target = targetScope.getChildElementsByType(FlowNode.class).stream()
                    .filter(n -> n.getId().equals(source.getId())).findFirst().orElse(null);
            if (target == null || !sameKind(source, target) || !migratable(source) || !migratable(target)
                    || source instanceof BoundaryEvent b && !(mapped.contains(b.getAttachedTo().getId())
                    && ((BoundaryEvent) target).getAttachedTo().getId().equals(b.getAttachedTo().getId()))) {
                continue;
            }
            if (multiInstance(source) != null) {
                instructions.add(instruction(source.getId() + MULTI_INSTANCE_BODY, false));
            }
            instructions.add(instruction(source.getId(), !source.getChildElementsByType(ConditionalEventDefinition.class).isEmpty()));
            mapped.add(source.getId());
            if (source instanceof SubProcess) {
                map(source, target, instructions);
            }
        }
    }

    private static Instruction instruction(String activityId, boolean updateEventTrigger) {
        return new Instruction(List.of(activityId), List.of(activityId), updateEventTrigger);
    }

    /** Same element, same implementation (external or not), same multi-instance kind: the engine's same behaviour. */
    private static boolean sameKind(FlowNode source, FlowNode target) {
        MultiInstanceLoopCharacteristics a = multiInstance(source);
        MultiInstanceLoopCharacteristics b = multiInstance(target);
        return source.getElementType().getTypeName().equals(target.getElementType().getTypeName())
                && Objects.equals(source.getAttributeValueNs(CAMUNDA, "type"), target.getAttributeValueNs(CAMUNDA, "type"))
                && (a == null) == (b == null) && (a == null || a.isSequential() == b.isSequential());
    }

    private static boolean migratable(FlowNode node) {
        String type = node.getElementType().getTypeName();
        return MIGRATABLE.contains(type)
                || "external".equals(node.getAttributeValueNs(CAMUNDA, "type"))
                || "startEvent".equals(type) && node.getParentElement() instanceof SubProcess sub && sub.triggeredByEvent()
                || "true".equals(node.getAttributeValueNs(CAMUNDA, "asyncBefore"))
                || "true".equals(node.getAttributeValueNs(CAMUNDA, "asyncAfter"))
                || "true".equals(node.getAttributeValueNs(CAMUNDA, "async"));
    }

    private static MultiInstanceLoopCharacteristics multiInstance(FlowNode node) {
        return node.getChildElementsByType(MultiInstanceLoopCharacteristics.class).stream().findFirst().orElse(null);
    }

    private static boolean isIn(ModelElementInstance element, Process process) {
        for (ModelElementInstance parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
            if (parent == process) {
                return true;
            }
        }
        return false;
    }
}
