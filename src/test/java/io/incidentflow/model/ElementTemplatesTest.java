package io.incidentflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentflow.common.Coded;
import io.incidentflow.engine.ProcessVariable;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.incident.SlaClock;
import io.incidentflow.notify.Audience;
import io.incidentflow.notify.page.PageModel;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * The element templates in .camunda/element-templates/ (what process owners pick in Camunda Modeler) are
 * well formed, bind what the code behind them reads and writes, and match the shipped elements that use them.
 * What a delegate reads and writes is taken from its source: the typed variables it calls
 * {@code getLocal} (input parameters), {@code get}/{@code find} and {@code set} on.
 */
class ElementTemplatesTest {

    private static final Path TEMPLATES = Path.of(".camunda", "element-templates");
    private static final String SCHEMA = "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";
    private static final String CAMUNDA = BpmnModelConstants.CAMUNDA_NS;
    private static final Pattern BEAN = Pattern.compile("^\\$\\{([A-Za-z][A-Za-z0-9]*)}$");

    /** Which property types each binding type allows (element templates JSON schema, Camunda 7). */
    private static final Map<String, Set<String>> TYPES_OF_BINDING = Map.of(
            "property", Set.of("String", "Text", "Hidden", "Dropdown", "Boolean"),
            "camunda:property", Set.of("String", "Hidden", "Dropdown"),
            "camunda:inputParameter", Set.of("String", "Text", "Hidden", "Dropdown"),
            "camunda:outputParameter", Set.of("String", "Hidden", "Dropdown"),
            "camunda:in", Set.of("String", "Hidden", "Dropdown"),
            "camunda:in:businessKey", Set.of("String", "Hidden", "Dropdown"),
            "camunda:out", Set.of("String", "Hidden", "Dropdown"),
            "camunda:field", Set.of("String", "Text", "Hidden", "Dropdown"));

    /** The call contract of each process a template calls. */
    private static final Map<String, List<List<ProcessVariable<?>>>> CALL_CONTRACTS = Map.of(
            PageModel.PROCESS_KEY, List.of(PageModel.CALL_INPUTS, PageModel.CALL_OUTPUTS));

    private static Map<String, JsonNode> templates;
    private static Map<String, Class<?>> delegates;

    @BeforeAll
    static void load() throws IOException {
        templates = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            for (Path file : files.sorted().toList()) {
                assertThat(file.toString()).endsWith(".json");
                JsonNode content = json.readTree(file.toFile());
                for (JsonNode template : content.isArray() ? content : List.of(content)) {
                    assertThat(templates.put(template.path("id").asText(), template)).as("id used twice: " + file)
                            .isNull();
                }
            }
        }
        assertThat(templates).isNotEmpty();
        delegates = javaDelegateBeans();
    }

    @Test
    void everyTemplateHasTheSchemaEssentials() {
        List<String> problems = new ArrayList<>();
        templates.forEach((id, template) -> {
            check(problems, id, SCHEMA.equals(template.path("$schema").asText()), "$schema is the Camunda 7 schema");
            check(problems, id, id.matches("io\\.incidentflow\\.[a-z][A-Za-z]+"), "id is io.incidentflow.<name>");
            check(problems, id, !template.path("name").asText().isBlank(), "has a name");
            check(problems, id, template.path("version").isInt() && template.path("version").asInt() >= 1,
                    "has a version >= 1");
            check(problems, id, template.path("appliesTo").size() > 0 && stream(template.path("appliesTo"))
                    .allMatch(type -> type.asText().startsWith("bpmn:")), "appliesTo lists bpmn: element types");
            check(problems, id, template.path("properties").size() > 0, "has properties");
            for (JsonNode property : template.path("properties")) {
                String where = id + " property " + property;
                JsonNode binding = property.path("binding");
                String bindingType = binding.path("type").asText();
                String type = property.path("type").asText("String");
                check(problems, where, TYPES_OF_BINDING.containsKey(bindingType), "binding type is known");
                check(problems, where, TYPES_OF_BINDING.getOrDefault(bindingType, Set.of()).contains(type),
                        "property type " + type + " fits binding " + bindingType);
                switch (bindingType) {
                    case "property", "camunda:property", "camunda:inputParameter", "camunda:field" ->
                            check(problems, where, binding.hasNonNull("name"), "binding has a name");
                    case "camunda:outputParameter" -> check(problems, where, binding.hasNonNull("source"),
                            "binding has a source");
                    case "camunda:in" -> check(problems, where, binding.hasNonNull("target")
                            || binding.hasNonNull("variables"), "binding has a target or variables");
                    case "camunda:out" -> check(problems, where, binding.hasNonNull("source")
                            ^ binding.hasNonNull("sourceExpression"), "binding has a source or a sourceExpression");
                    default -> { }
                }
                if (type.equals("Hidden")) {
                    check(problems, where, property.hasNonNull("value"), "a hidden property has a value");
                }
                if (type.equals("Dropdown")) {
                    Set<String> choices = choices(property);
                    check(problems, where, !choices.isEmpty() && stream(property.path("choices"))
                            .allMatch(c -> c.hasNonNull("name")), "a dropdown has named choices");
                    check(problems, where, !property.has("value") || choices.contains(property.path("value").asText()),
                            "a dropdown's default is one of its choices");
                }
            }
        });
        assertNoProblems(problems);
    }

    @Test
    void serviceTaskTemplatesCallDelegateBeansAndBindExactlyTheInputsTheyRead() throws IOException {
        List<String> problems = new ArrayList<>();
        for (JsonNode template : templates.values()) {
            Optional<JsonNode> delegateExpression = binding(template, "property", "name", "camunda:delegateExpression");
            if (delegateExpression.isEmpty()) {
                continue;
            }
            Set<String> inputs = bound(template, "camunda:inputParameter", "name");
            Set<String> outputs = bound(template, "camunda:outputParameter", "source");
            for (String expression : values(delegateExpression.get())) {
                String where = template.path("id").asText() + " " + expression;
                Matcher bean = BEAN.matcher(expression);
                Class<?> delegate = bean.matches() ? delegates.get(bean.group(1)) : null;
                check(problems, where, delegate != null, "names a JavaDelegate bean as ${beanName}");
                if (delegate != null) {
                    Usage usage = Usage.of(delegate);
                    check(problems, where, usage.inputParameters.equals(inputs),
                            "binds the input parameters it reads " + usage.inputParameters + ", not " + inputs);
                    check(problems, where, usage.writes.containsAll(outputs),
                            "binds only output parameters it writes " + usage.writes + ", not " + outputs);
                }
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void callActivityTemplatesPassExactlyTheCallContractOfTheProcessTheyCall() throws IOException {
        int calls = 0;
        for (JsonNode template : templates.values()) {
            Optional<JsonNode> calledElement = binding(template, "property", "name", "calledElement");
            if (calledElement.isEmpty()) {
                continue;
            }
            calls++;
            String key = calledElement.get().path("value").asText();
            String id = template.path("id").asText();
            assertThat(CALL_CONTRACTS).as(id + " calls a process with a call contract").containsKey(key);
            Set<String> inputs = names(CALL_CONTRACTS.get(key).get(0));
            Set<String> outputs = names(CALL_CONTRACTS.get(key).get(1));
            assertThat(bound(template, "camunda:in", "target")).as(id + " passes").isEqualTo(inputs);
            assertThat(bound(template, "camunda:out", "source")).as(id + " maps back").isEqualTo(outputs);
            assertThat(binding(template, "camunda:in:businessKey", null, null)).as(id + " passes the business key")
                    .isPresent();

            // The contract is what the called process's steps really read and write.
            Set<String> read = new HashSet<>();
            Set<String> written = new HashSet<>();
            for (String bean : delegateBeansOf(key)) {
                Usage usage = Usage.of(delegates.get(bean));
                read.addAll(usage.reads);
                written.addAll(usage.writes);
            }
            assertThat(read).as("variables the steps of " + key + " read").containsAll(inputs);
            assertThat(written).as("variables the steps of " + key + " write").containsAll(outputs);
        }
        assertThat(calls).isEqualTo(CALL_CONTRACTS.size());
    }

    @Test
    void decisionTemplateOffersTheDecisionTablesOfProcesses() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".dmn")).toList()) {
                String table = file.getFileName().toString().replace(".dmn", "");
                assertThat(Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class))
                        .as(file + " has a decision named like the file").extracting(Decision::getId).contains(table);
                tables.add(table);
            }
        }
        JsonNode decisionRef = binding(templates.get("io.incidentflow.evaluateDecision"), "property", "name",
                "camunda:decisionRef").orElseThrow();
        assertThat(choices(decisionRef)).isEqualTo(tables);
    }

    @Test
    void slaClockChoicesAreTheClocks() {
        JsonNode clock = binding(templates.get("io.incidentflow.notifySlaLead"), "camunda:inputParameter", "name",
                "slaClock").orElseThrow();
        assertThat(choices(clock)).isEqualTo(Arrays.stream(SlaClock.values()).map(Coded::code)
                .collect(Collectors.toSet()));
    }

    @Test
    void notifyAudienceOffersEveryAudienceAndOnlyTheEventsAStepCanSend() {
        JsonNode template = templates.get("io.incidentflow.notifyAudience");
        JsonNode audience = binding(template, "camunda:inputParameter", "name", "audience").orElseThrow();
        JsonNode event = binding(template, "camunda:inputParameter", "name", "notificationEvent").orElseThrow();
        assertThat(choices(audience)).isEqualTo(Arrays.stream(Audience.values()).map(Coded::code)
                .collect(Collectors.toSet()));
        assertThat(choices(event)).isEqualTo(IncidentService.AUDIENCE_EVENTS.stream().map(Coded::code)
                .collect(Collectors.toSet()));
    }

    @Test
    void shippedElementsUsingATemplateHaveItsBindings() throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        for (Path file : bpmnFiles()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
                String id = element.getAttributeValueNs(CAMUNDA, "modelerTemplate");
                if (id == null) {
                    continue;
                }
                used.add(id);
                String where = file.getFileName() + " " + element.getId();
                JsonNode template = templates.get(id);
                check(problems, where, template != null, "uses a template that exists: " + id);
                if (template != null) {
                    checkApplied(problems, where, element, template);
                }
            }
        }
        assertNoProblems(problems);
        // These are building blocks for the steps owners add: no shipped step only records a timeline line, and the
        // shipped notifications are sent by the steps that know what they say (a stakeholder update, a restoration).
        Set<String> ownersBuildingBlocks = Set.of("io.incidentflow.recordTimelineEvent", "io.incidentflow.notifyAudience");
        assertThat(used).containsAll(templates.keySet().stream().filter(id -> !ownersBuildingBlocks.contains(id))
                .toList());
    }

    private static void checkApplied(List<String> problems, String where, BaseElement element, JsonNode template) {
        check(problems, where, template.path("version").asText()
                .equals(element.getAttributeValueNs(CAMUNDA, "modelerTemplateVersion")), "has the template's version");
        check(problems, where, stream(template.path("appliesTo"))
                        .anyMatch(t -> t.asText().equalsIgnoreCase("bpmn:" + element.getElementType().getTypeName())),
                "is an element type the template applies to");
        Bindings actual = Bindings.of(element);
        Bindings described = new Bindings();
        for (JsonNode property : template.path("properties")) {
            JsonNode binding = property.path("binding");
            String key = Bindings.key(binding);
            String value = actual.values.get(key);
            described.values.put(key, null);
            String type = property.path("type").asText("String");
            String what = key + " = " + value;
            if (value == null) {
                check(problems, where, property.path("optional").asBoolean(false), what + ": binding is present");
            } else if (type.equals("Hidden")) {
                check(problems, where, value.equals(property.path("value").asText()), what
                        + ": has the template's fixed value " + property.path("value").asText());
            } else if (type.equals("Dropdown")) {
                check(problems, where, choices(property).contains(value), what + ": is one of the choices");
            } else if (property.path("constraints").path("notEmpty").asBoolean(false)) {
                check(problems, where, !value.isBlank(), what + ": is not empty");
            }
        }
        // Modeler hides mappings a template does not describe: the element must have none.
        Set<String> undescribed = new TreeSet<>(actual.mappings());
        undescribed.removeAll(described.values.keySet());
        check(problems, where, undescribed.isEmpty(), "has no mappings the template does not describe: "
                + undescribed);
    }

    /** An element's bindings by the key a template binding addresses them with, and their values. */
    private static final class Bindings {

        final Map<String, String> values = new HashMap<>();

        static Bindings of(BaseElement element) {
            Bindings bindings = new Bindings();
            for (String attribute : List.of("calledElement")) {
                bindings.put("property:" + attribute, element.getAttributeValue(attribute));
            }
            for (String attribute : List.of("delegateExpression", "calledElementBinding", "decisionRef",
                    "resultVariable", "mapDecisionResult")) {
                bindings.put("property:camunda:" + attribute, element.getAttributeValueNs(CAMUNDA, attribute));
            }
            ExtensionElements extensions = element.getExtensionElements();
            if (extensions == null) {
                return bindings;
            }
            for (CamundaIn in : extensions.getChildElementsByType(CamundaIn.class)) {
                if (in.getCamundaBusinessKey() != null) {
                    bindings.put("camunda:in:businessKey", in.getCamundaBusinessKey());
                } else {
                    bindings.put("camunda:in:" + in.getCamundaTarget(), in.getCamundaSource() != null
                            ? in.getCamundaSource() : in.getCamundaSourceExpression());
                }
            }
            for (CamundaOut out : extensions.getChildElementsByType(CamundaOut.class)) {
                String source = out.getCamundaSource() != null ? "source:" + out.getCamundaSource()
                        : "sourceExpression:" + out.getCamundaSourceExpression();
                bindings.put("camunda:out:" + source, out.getCamundaTarget());
            }
            for (CamundaInputParameter input : element.getModelInstance().getModelElementsByType(
                    CamundaInputParameter.class)) {
                if (input.getParentElement().getParentElement() == extensions) {
                    bindings.put("camunda:inputParameter:" + input.getCamundaName(), input.getTextContent());
                }
            }
            for (CamundaOutputParameter output : element.getModelInstance().getModelElementsByType(
                    CamundaOutputParameter.class)) {
                if (output.getParentElement().getParentElement() == extensions) {
                    bindings.put("camunda:outputParameter:" + output.getTextContent(), output.getCamundaName());
                }
            }
            return bindings;
        }

        /** The key of a template binding, as {@link #of} files the element's value under. */
        static String key(JsonNode binding) {
            String type = binding.path("type").asText();
            return switch (type) {
                case "property" -> "property:" + binding.path("name").asText();
                case "camunda:inputParameter" -> type + ":" + binding.path("name").asText();
                case "camunda:outputParameter" -> type + ":" + binding.path("source").asText();
                case "camunda:in" -> type + ":" + binding.path("target").asText();
                case "camunda:out" -> type + ":" + (binding.has("source") ? "source:" + binding.path("source").asText()
                        : "sourceExpression:" + binding.path("sourceExpression").asText());
                default -> type;
            };
        }

        Set<String> mappings() {
            return values.keySet().stream().filter(k -> k.startsWith("camunda:")).collect(Collectors.toSet());
        }

        private void put(String key, String value) {
            if (value != null) {
                values.put(key, value);
            }
        }
    }

    /** The typed variables a class's source reads and writes, resolved through its static imports. */
    private record Usage(Set<String> inputParameters, Set<String> reads, Set<String> writes) {

        private static final Pattern STATIC_IMPORT = Pattern.compile("import static ([\\w.]+)\\.\\*;");
        private static final Pattern CALL = Pattern.compile("\\b([A-Z][A-Z0-9_]*)\\.(getLocal|get|find|set|setLocal)\\(");

        static Usage of(Class<?> type) throws IOException {
            String source = Files.readString(Path.of("src/main/java", type.getName().replace('.', '/') + ".java"));
            List<Class<?>> scopes = new ArrayList<>(List.of(type));
            Matcher imports = STATIC_IMPORT.matcher(source);
            while (imports.find()) {
                try {
                    scopes.add(Class.forName(imports.group(1)));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
            Usage usage = new Usage(new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
            Matcher calls = CALL.matcher(source);
            while (calls.find()) {
                String constant = calls.group(1);
                Optional<String> name = scopes.stream().map(scope -> variableName(scope, constant))
                        .flatMap(Optional::stream).findFirst();
                if (name.isEmpty()) {
                    continue;
                }
                switch (calls.group(2)) {
                    case "getLocal" -> usage.inputParameters.add(name.get());
                    case "get", "find" -> usage.reads.add(name.get());
                    default -> usage.writes.add(name.get());
                }
            }
            return usage;
        }

        private static Optional<String> variableName(Class<?> scope, String constant) {
            try {
                Field field = scope.getDeclaredField(constant);
                if (Modifier.isStatic(field.getModifiers()) && ProcessVariable.class.equals(field.getType())) {
                    field.setAccessible(true);
                    return Optional.of(((ProcessVariable<?>) field.get(null)).name());
                }
                return Optional.empty();
            } catch (NoSuchFieldException e) {
                return Optional.empty();
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** JavaDelegate components by bean name, as the application context names them. */
    private static Map<String, Class<?>> javaDelegateBeans() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
        scanner.addIncludeFilter(new AssignableTypeFilter(JavaDelegate.class));
        AnnotationBeanNameGenerator names = new AnnotationBeanNameGenerator();
        SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
        Map<String, Class<?>> beans = new HashMap<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.incidentflow")) {
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                if (JavaDelegate.class.isAssignableFrom(type)) {
                    beans.put(names.generateBeanName(candidate, registry), type);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return beans;
    }

    private static Set<String> delegateBeansOf(String processKey) {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", processKey + ".bpmn").toFile());
        return model.getModelElementsByType(ServiceTask.class).stream().map(ServiceTask::getCamundaDelegateExpression)
                .map(BEAN::matcher).filter(Matcher::matches).map(m -> m.group(1)).collect(Collectors.toSet());
    }

    private static List<Path> bpmnFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    private static Optional<JsonNode> binding(JsonNode template, String type, String attribute, String value) {
        return stream(template.path("properties")).filter(p -> p.path("binding").path("type").asText().equals(type))
                .filter(p -> attribute == null || p.path("binding").path(attribute).asText().equals(value))
                .findFirst();
    }

    private static Set<String> bound(JsonNode template, String type, String attribute) {
        return stream(template.path("properties")).map(p -> p.path("binding"))
                .filter(b -> b.path("type").asText().equals(type) && b.has(attribute))
                .map(b -> b.path(attribute).asText()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The values a property can take: its fixed value, or each choice of a dropdown. */
    private static Set<String> values(JsonNode property) {
        return property.has("choices") ? choices(property) : Set.of(property.path("value").asText());
    }

    private static Set<String> choices(JsonNode property) {
        return stream(property.path("choices")).map(c -> c.path("value").asText())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> names(List<ProcessVariable<?>> variables) {
        return variables.stream().map(ProcessVariable::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    /** All of them, one a line: AssertJ would shorten a long list. */
    private static void assertNoProblems(List<String> problems) {
        assertThat(String.join("\n", problems)).isEmpty();
    }

    private static void check(List<String> problems, String where, boolean ok, String rule) {
        if (!ok) {
            problems.add(where + ": " + rule);
        }
    }
}
