package io.incidentflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.IncidentFlowTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The rules every model in processes/ follows so process owners can work on it in Camunda Modeler:
 * diagram layout, readable ids and names, history lifetime, forms and groups on user tasks, and
 * steps that call Spring beans by name (never Java classes) that exist.
 */
@IncidentFlowTest
class ModelRulesTest {

    private static final Pattern BEAN = Pattern.compile("^\\$\\{([A-Za-z][A-Za-z0-9]*)}$");
    private static final Pattern READABLE_ID = Pattern.compile("^(Event|Task|Gateway|SubProcess|Flow)_[A-Z][A-Za-z0-9]+$");
    private static final Pattern GENERATED_ID = Pattern.compile(".*_[0-9a-z]{7}$");

    @Autowired ApplicationContext spring;

    @Test
    void everyProcessHasAHistoryLifetimeAndIsExecutable() throws IOException {
        for (BpmnModelInstance model : models()) {
            for (Process process : model.getModelElementsByType(Process.class)) {
                assertThat(process.isExecutable()).as(process.getId()).isTrue();
                assertThat(process.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive of " + process.getId())
                        .isNotBlank();
            }
        }
    }

    @Test
    void everyElementHasReadableIdNameAndDiagramLayout() throws IOException {
        List<String> problems = new ArrayList<>();
        for (BpmnModelInstance model : models()) {
            List<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                    .map(s -> s.getBpmnElement().getId()).toList();
            List<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                    .map(e -> e.getBpmnElement().getId()).toList();
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                check(problems, node, READABLE_ID.matcher(node.getId()).matches()
                        && !GENERATED_ID.matcher(node.getId()).matches(), "has no readable id");
                check(problems, node, shapes.contains(node.getId()), "has no diagram shape");
                boolean join = node.getIncoming().size() > 1 && node.getOutgoing().size() == 1;
                check(problems, node, join || node.getName() != null && !node.getName().isBlank(), "has no name");
            }
            for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
                check(problems, flow, READABLE_ID.matcher(flow.getId()).matches(), "has no readable id");
                check(problems, flow, edges.contains(flow.getId()), "has no diagram edge");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void userTasksHaveAFormAndAGroup() throws IOException {
        List<String> problems = new ArrayList<>();
        for (BpmnModelInstance model : models()) {
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                String form = task.getCamundaFormRef();
                check(problems, task, form != null && Files.exists(Path.of("forms", form + ".form")),
                        "has no form in forms/ (formRef " + form + ")");
                check(problems, task, task.getCamundaCandidateGroups() != null, "has no candidate group");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void stepsCallSpringBeansThatExist() throws IOException {
        List<String> problems = new ArrayList<>();
        for (BpmnModelInstance model : models()) {
            for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
                check(problems, task, task.getCamundaClass() == null, "names a Java class");
                checkBean(problems, task, task.getCamundaDelegateExpression());
            }
            for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
                check(problems, (BaseElement) listener.getParentElement().getParentElement(),
                        listener.getCamundaClass() == null, "has a task listener naming a Java class");
                checkBean(problems, (BaseElement) listener.getParentElement().getParentElement(),
                        listener.getCamundaDelegateExpression());
            }
        }
        assertThat(problems).isEmpty();
    }

    private void checkBean(List<String> problems, BaseElement element, String expression) {
        Matcher bean = BEAN.matcher(expression == null ? "" : expression);
        check(problems, element, bean.matches() && spring.containsBean(bean.group(1)),
                "calls " + expression + ", which is not a Spring bean");
    }

    private static void check(List<String> problems, BaseElement element, boolean ok, String problem) {
        if (!ok) {
            problems.add(element.getElementType().getTypeName() + " " + element.getId() + " " + problem);
        }
    }

    static Collection<BpmnModelInstance> models() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            List<BpmnModelInstance> models = files.filter(f -> f.toString().endsWith(".bpmn")).sorted()
                    .map(f -> Bpmn.readModelFromFile(f.toFile())).toList();
            assertThat(models).isNotEmpty();
            return models;
        }
    }
}
