package io.incidentflow.modelgate;

import static io.incidentflow.modelgate.ModelProblem.Rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.springframework.stereotype.Component;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The model gate: what a BPMN, DMN or form must (not) contain before the engine accepts it. Models are
 * code: a deployed model runs with the application's rights, so every deployment — start-up, engine REST,
 * Camunda Modeler's Deploy button, Cockpit — passes these rules ({@link ModelGateDeployer}), and the tests
 * run them on {@code processes/}. Each refusal names the file, the element, the rule and the fix.
 */
@Component
public class ModelGate {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String CAMUNDA_BPMN = "http://camunda.org/schema/1.0/bpmn";
    static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";

    private static final Pattern BEAN_REFERENCE = Pattern.compile("^\\$\\{([A-Za-z_][A-Za-z0-9_]*)}$");
    private static final Set<String> EXPRESSION_LANGUAGES = Set.of("feel", "juel");
    private static final Pattern FEEL_EXTERNAL_FUNCTION = Pattern.compile("\\bexternal\\s*\\{");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelBeans beans;

    public ModelGate(ModelBeans beans) {
        this.beans = beans;
    }

    /** What the engine already has, for references that point outside the deployment being checked. */
    public interface Deployed {
        boolean hasProcess(String key);

        boolean hasDecision(String key);

        boolean hasForm(String key);

        boolean hasGroup(String groupId);
    }

    /** All problems of one deployment (file name → content); empty when the gate lets it through. */
    public List<ModelProblem> check(Map<String, byte[]> resources, Deployed deployed) {
        Deployment deployment = new Deployment(resources, deployed);
        List<ModelProblem> problems = new ArrayList<>();
        resources.forEach((name, content) -> problems.addAll(deployment.check(name, content)));
        return problems;
    }

    /** One deployment being checked: its own keys count as known to the references in it. */
    private final class Deployment {
        private final Map<String, Document> xml = new LinkedHashMap<>();
        private final Set<String> processes = new HashSet<>();
        private final Set<String> decisions = new HashSet<>();
        private final Set<String> forms = new HashSet<>();
        private final Deployed deployed;

        Deployment(Map<String, byte[]> resources, Deployed deployed) {
            this.deployed = deployed;
            resources.forEach((name, content) -> {
                switch (kind(name)) {
                    case BPMN -> read(name, content, BPMN, "process", processes);
                    case DMN -> read(name, content, null, "decision", decisions);
                    case FORM -> formId(content).ifPresent(forms::add);
                    default -> { }
                }
            });
        }

        private void read(String name, byte[] content, String namespace, String element, Set<String> keys) {
            Document document = parse(content);
            if (document == null) {
                return;
            }
            xml.put(name, document);
            for (Element e : elements(document.getDocumentElement())) {
                if (element.equals(e.getLocalName()) && (namespace == null || namespace.equals(e.getNamespaceURI()))
                        && !e.getAttribute("id").isBlank()) {
                    keys.add(e.getAttribute("id"));
                }
            }
        }

        List<ModelProblem> check(String name, byte[] content) {
            List<ModelProblem> problems = new ArrayList<>();
            Kind kind = kind(name);
            if (kind == Kind.OTHER) {
                problems.add(new ModelProblem(name, null, Rule.RESOURCE_TYPE,
                        "is not a model: only .bpmn, .dmn and .form files are deployed (scripts, HTML forms and "
                                + "CMMN cases would run code or markup the gate cannot check)",
                        "deploy only BPMN, DMN and Camunda Forms files"));
                return problems;
            }
            if (kind == Kind.FORM) {
                if (formId(content).isEmpty()) {
                    problems.add(new ModelProblem(name, null, Rule.UNREADABLE, "is not a Camunda Form (JSON with an id)",
                            "save the form from Camunda Modeler"));
                }
                return problems;
            }
            Document document = xml.get(name);
            if (document == null) {
                problems.add(new ModelProblem(name, null, Rule.UNREADABLE, "is not well-formed XML",
                        "open and save it in Camunda Modeler"));
                return problems;
            }
            Checker checker = new Checker(name, problems);
            if (kind == Kind.BPMN) {
                elements(document.getDocumentElement()).forEach(checker::bpmn);
                checker.diagram(content);
            } else {
                elements(document.getDocumentElement()).forEach(checker::dmn);
            }
            return problems;
        }

        /** The rules applied element by element to one file. */
        private final class Checker {
            private final String resource;
            private final List<ModelProblem> problems;

            Checker(String resource, List<ModelProblem> problems) {
                this.resource = resource;
                this.problems = problems;
            }

            void bpmn(Element e) {
                String local = e.getLocalName();
                boolean bpmn = BPMN.equals(e.getNamespaceURI());
                boolean camunda = CAMUNDA_BPMN.equals(e.getNamespaceURI());
                if (bpmn && "scriptTask".equals(local) || camunda && "script".equals(local)) {
                    add(e, Rule.NO_SCRIPT, "runs a script",
                            "do the work in a Spring bean and call it with camunda:delegateExpression=\"${beanName}\"");
                }
                if (bpmn && ("conditionExpression".equals(local) || "condition".equals(local))
                        && !e.getAttribute("language").isBlank()) {
                    add(e, Rule.NO_SCRIPT, "has a script condition (language " + e.getAttribute("language") + ")",
                            "write the condition as an expression, e.g. ${priority == 'P1'}, without a language");
                }
                if (camunda && "connector".equals(local)) {
                    add(e, Rule.CONNECTOR, "calls a Camunda Connect connector",
                            "send messages through the notification steps (deliverNotificationDelegate), whose channels are configured");
                }
                if (bpmn && "process".equals(local) && "true".equals(e.getAttribute("isExecutable"))
                        && e.getAttributeNS(CAMUNDA_BPMN, "historyTimeToLive").isBlank()) {
                    add(e, Rule.HISTORY_TTL, "has no history time to live",
                            "set camunda:historyTimeToLive (e.g. P180D) in the process properties");
                }
                if (bpmn && "callActivity".equals(local)) {
                    reference(e, e.getAttribute("calledElement"), Rule.CALLED_PROCESS, "process",
                            processes::contains, deployed::hasProcess);
                    if (!e.getAttributeNS(CAMUNDA_BPMN, "caseRef").isBlank()) {
                        add(e, Rule.CALLED_PROCESS, "calls a CMMN case", "call a BPMN process with calledElement");
                    }
                }
                if (bpmn && "businessRuleTask".equals(local) && e.hasAttributeNS(CAMUNDA_BPMN, "decisionRef")) {
                    reference(e, e.getAttributeNS(CAMUNDA_BPMN, "decisionRef"), Rule.DECISION_REF, "decision",
                            decisions::contains, deployed::hasDecision);
                }
                if (e.hasAttributeNS(CAMUNDA_BPMN, "formRef")) {
                    reference(e, e.getAttributeNS(CAMUNDA_BPMN, "formRef"), Rule.FORM_REF, "form",
                            forms::contains, deployed::hasForm);
                }
                if (e.hasAttributeNS(CAMUNDA_BPMN, "formKey")) {
                    add(e, Rule.FORM_REF, "uses a form key (" + e.getAttributeNS(CAMUNDA_BPMN, "formKey")
                                    + "): an embedded or external form runs markup the gate cannot check",
                            "use a Camunda Form from forms/ with camunda:formRef and camunda:formRefBinding=\"latest\"");
                }
                if (bpmn && "userTask".equals(local)) {
                    candidateGroups(e);
                }
                if (bpmn && "timerEventDefinition".equals(local)) {
                    elements(e).stream().filter(t -> t != e).forEach(this::timer);
                }
                attributesAndText(e, CAMUNDA_BPMN);
            }

            void dmn(Element e) {
                if ("decision".equals(e.getLocalName()) && e.getAttributeNS(CAMUNDA_DMN, "historyTimeToLive").isBlank()) {
                    add(e, Rule.HISTORY_TTL, "has no history time to live",
                            "set camunda:historyTimeToLive (e.g. P180D) in the decision properties");
                }
                String language = e.getAttribute("expressionLanguage").toLowerCase(Locale.ROOT);
                if (!language.isBlank() && !EXPRESSION_LANGUAGES.contains(language) && !language.contains("feel")) {
                    add(e, Rule.NO_SCRIPT, "is written in " + e.getAttribute("expressionLanguage"),
                            "write it in FEEL (the default) or JUEL");
                }
                String text = directText(e);
                if (text != null && FEEL_EXTERNAL_FUNCTION.matcher(text).find()) {
                    add(e, Rule.EXPRESSION, "defines an external FEEL function, which calls Java",
                            "use FEEL's built-in functions");
                }
                if (text != null && ("juel".equals(language) || ModelExpressions.isExpression(text))) {
                    expression(e, text);
                }
            }

            void diagram(byte[] content) {
                BpmnModelInstance model;
                try {
                    model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
                } catch (RuntimeException e) {
                    return; // not valid BPMN: the engine's own parser names the error
                }
                Set<String> shapes = new HashSet<>();
                model.getModelElementsByType(BpmnShape.class).forEach(s -> {
                    if (s.getBpmnElement() != null) {
                        shapes.add(s.getBpmnElement().getId());
                    }
                });
                Set<String> edges = new HashSet<>();
                model.getModelElementsByType(BpmnEdge.class).forEach(s -> {
                    if (s.getBpmnElement() != null) {
                        edges.add(s.getBpmnElement().getId());
                    }
                });
                for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                    if (!shapes.contains(node.getId())) {
                        problems.add(new ModelProblem(resource, node.getId(), Rule.DIAGRAM_LAYOUT, "has no diagram shape",
                                "open the file in Camunda Modeler, place the element and save"));
                    }
                }
                for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
                    if (!edges.contains(flow.getId())) {
                        problems.add(new ModelProblem(resource, flow.getId(), Rule.DIAGRAM_LAYOUT, "has no diagram edge",
                                "open the file in Camunda Modeler, draw the flow and save"));
                    }
                }
            }

            private void attributesAndText(Element e, String camundaNamespace) {
                NamedNodeMap attributes = e.getAttributes();
                for (int i = 0; i < attributes.getLength(); i++) {
                    Attr attribute = (Attr) attributes.item(i);
                    String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
                    boolean camunda = camundaNamespace.equals(attribute.getNamespaceURI());
                    if (camunda && (name.equals("class") || name.endsWith("Class"))) {
                        add(e, Rule.NO_JAVA_CLASS, "names the Java class " + attribute.getValue() + " (camunda:" + name + ")",
                                "call a Spring bean with camunda:delegateExpression=\"${beanName}\"");
                    } else if (camunda && name.endsWith("elegateExpression")) {
                        delegate(e, attribute.getValue());
                    } else if (ModelExpressions.isExpression(attribute.getValue())) {
                        expression(e, attribute.getValue());
                    }
                }
                String text = directText(e);
                if (text != null && ModelExpressions.isExpression(text)) {
                    expression(e, text);
                }
            }

            private void delegate(Element e, String value) {
                Matcher bean = BEAN_REFERENCE.matcher(value.trim());
                if (!bean.matches()) {
                    add(e, Rule.DELEGATE_BEAN, "has the delegate expression " + value + ", which is not a bean name",
                            "name one bean: ${beanName}");
                } else if (!beans.isAllowed(bean.group(1))) {
                    add(e, Rule.DELEGATE_BEAN, "calls " + value + ", which is not one of the application's process steps",
                            "use a delegate bean of the application (see processes/README.md for the list)");
                }
            }

            private void expression(Element e, String expression) {
                for (String problem : ModelExpressions.problems(expression, beans::isAllowed, beans::isApplicationBean)) {
                    add(e, Rule.EXPRESSION, "has the expression " + expression + ", which " + problem,
                            "use process variables, the application's beans by name and simple comparisons");
                }
            }

            private void reference(Element e, String key, Rule rule, String kind,
                                   java.util.function.Predicate<String> inDeployment,
                                   java.util.function.Predicate<String> alreadyDeployed) {
                if (key == null || key.isBlank()) {
                    add(e, rule, "names no " + kind, "name the " + kind + " by its key");
                } else if (ModelExpressions.isExpression(key)) {
                    add(e, rule, "computes the " + kind + " key (" + key + ")", "name the " + kind + " by its key");
                } else if (!inDeployment.test(key) && !alreadyDeployed.test(key)) {
                    add(e, rule, "refers to the " + kind + " '" + key + "', which is neither deployed nor in this deployment",
                            "deploy the " + kind + " with it, or correct the key");
                }
            }

            private void candidateGroups(Element task) {
                String groups = task.getAttributeNS(CAMUNDA_BPMN, "candidateGroups");
                if (groups.isBlank()) {
                    add(task, Rule.CANDIDATE_GROUP, "has no candidate group, so no group would see it in Tasklist",
                            "set camunda:candidateGroups to the group that works it");
                    return;
                }
                if (ModelExpressions.isExpression(groups)) {
                    return; // the group comes from a variable; the expression itself is checked with the others
                }
                for (String group : groups.split(",")) {
                    if (!group.isBlank() && !deployed.hasGroup(group.trim())) {
                        add(task, Rule.CANDIDATE_GROUP, "names the candidate group '" + group.trim() + "', which does not exist",
                                "use an existing group (README, Roles) or add the resolver group to the catalog");
                    }
                }
            }

            private void timer(Element definition) {
                String value = directText(definition);
                if (value == null || ModelExpressions.isExpression(value)) {
                    return;
                }
                try {
                    switch (definition.getLocalName()) {
                        case "timeDate" -> new DueDateBusinessCalendar().resolveDuedate(value.trim());
                        case "timeDuration" -> new DurationBusinessCalendar().resolveDuedate(value.trim());
                        case "timeCycle" -> new CycleBusinessCalendar().resolveDuedate(value.trim());
                        default -> { }
                    }
                } catch (RuntimeException e) {
                    add(definition, Rule.TIMER, "has the " + definition.getLocalName() + " '" + value.trim()
                                    + "', which does not parse",
                            "use an ISO 8601 date, duration (PT15M) or cycle (R/PT1H), or a cron expression for a cycle");
                }
            }

            private void add(Element e, Rule rule, String detail, String fix) {
                problems.add(new ModelProblem(resource, idOf(e), rule, detail, fix));
            }
        }
    }

    private enum Kind { BPMN, DMN, FORM, OTHER }

    private static Kind kind(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
            return Kind.BPMN;
        }
        if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
            return Kind.DMN;
        }
        return lower.endsWith(".form") ? Kind.FORM : Kind.OTHER;
    }

    private static java.util.Optional<String> formId(byte[] content) {
        try {
            JsonNode id = JSON.readTree(content).path("id");
            return id.isTextual() && !id.asText().isBlank() ? java.util.Optional.of(id.asText()) : java.util.Optional.empty();
        } catch (java.io.IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** Parses without DTDs or external entities: the file comes from a person, not from us. */
    private static Document parse(byte[] content) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(content));
        } catch (Exception e) {
            return null;
        }
    }

    /** The element and all elements below it, in document order. */
    private static List<Element> elements(Element root) {
        List<Element> all = new ArrayList<>();
        collect(root, all);
        return all;
    }

    private static void collect(Element element, List<Element> all) {
        all.add(element);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                collect(e, all);
            }
        }
    }

    /** The element's own text (not its children's), trimmed; null when it has none. */
    private static String directText(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        String trimmed = text.toString().trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** The id of the element or of the nearest element above it that has one. */
    private static String idOf(Element element) {
        for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
            if (!e.getAttribute("id").isBlank()) {
                return e.getAttribute("id");
            }
        }
        return null;
    }
}
