package io.incidentflow.modelimpact;

import io.incidentflow.common.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * A changed decision evaluated on the inputs of the latest decisions of its key from history, with a DMN engine of
 * its own, so nothing is deployed and no history is written. A historic input reaches the new table through the
 * input expression of the table that recorded it: only a plain variable name (e.g. {@code impact}) tells which
 * variable the value was; inputs with other expressions are listed as limits and not passed on.
 */
@Component
class DecisionImpact {

    static final int EXAMPLES = 5;
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Required decisions are written to history just after their root; this window surely holds them. */
    private static final long REQUIRED_DECISIONS_WINDOW_MS = 60_000;

    private final HistoryService history;
    private final RepositoryService repository;
    private final DmnEngine dmn;

    DecisionImpact(ProcessEngine engine) {
        this.history = engine.getHistoryService();
        this.repository = engine.getRepositoryService();
        // the same FEEL settings as the engine's decisions, without its history and metrics listeners
        DefaultDmnEngineConfiguration deployed =
                ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDmnEngineConfiguration();
        DefaultDmnEngineConfiguration own = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        own.enableFeelLegacyBehavior(deployed.isEnableFeelLegacyBehavior());
        own.setReturnBlankTableOutputAsNull(deployed.isReturnBlankTableOutputAsNull());
        own.feelCustomFunctionProviders(deployed.getFeelCustomFunctionProviders());
        this.dmn = own.buildEngine();
    }

    /** What one decision of the file would have answered differently. */
    public record Report(String decisionKey, int evaluated, int changed, int unchanged, int failed,
                         List<Change> changes, List<Failure> failures, List<String> limits) {
    }

    /** Decisions whose output {@code output} would be {@code to} instead of {@code from}. */
    public record Change(String output, Object from, Object to, int count, String summary, List<Example> examples) {
    }

    /** Decisions the new table could not evaluate, with the engine's reason. */
    public record Failure(String reason, int count, List<Example> examples) {
    }

    /** One historic decision; process instance and business key (the incident id) when a process made it. */
    public record Example(String decisionInstanceId, String processInstanceId, String businessKey) {
    }

    List<Report> of(byte[] content, String decisionKey, int last) {
        DmnModelInstance model;
        List<DmnDecision> decisions;
        try {
            model = Dmn.readModelFromStream(new ByteArrayInputStream(content));
            decisions = dmn.parseDecisions(model);
        } catch (RuntimeException e) {
            throw new InvalidInputException("file", "is not a DMN model the engine can read: " + e.getMessage());
        }
        List<DmnDecision> compared = compared(decisions, decisionKey);
        for (DmnDecision decision : compared) {
            if (repository.createDecisionDefinitionQuery().decisionDefinitionKey(decision.getKey()).count() == 0) {
                throw new InvalidInputException(decisionKey == null ? "file" : "decision", "the decision '" + decision.getKey()
                        + "' is not deployed, so no decision of it is in history: nothing to compare with");
            }
        }
        return compared.stream().map(decision -> report(model, decision, last)).toList();
    }

    /** The decision asked for, else each decision of the file that no other one in it requires. */
    private static List<DmnDecision> compared(List<DmnDecision> decisions, String decisionKey) {
        if (decisionKey != null) {
            return List.of(decisions.stream().filter(d -> d.getKey().equals(decisionKey)).findFirst()
                    .orElseThrow(() -> new InvalidInputException("decision", "'" + decisionKey + "' is not a decision of the file ("
                            + decisions.stream().map(DmnDecision::getKey).collect(Collectors.joining(", ")) + ")")));
        }
        Set<String> required = new HashSet<>();
        decisions.forEach(d -> d.getRequiredDecisions().forEach(r -> required.add(r.getKey())));
        return decisions.stream().filter(d -> !required.contains(d.getKey())).toList();
    }

    private Report report(DmnModelInstance model, DmnDecision decision, int last) {
        List<HistoricDecisionInstance> roots = history.createHistoricDecisionInstanceQuery()
                .decisionDefinitionKey(decision.getKey()).rootDecisionInstancesOnly()
                .includeInputs().includeOutputs().disableCustomObjectDeserialization()
                .orderByEvaluationTime().desc().listPage(0, last);
        Map<String, List<HistoricDecisionInstance>> required = requiredOf(decision, roots);
        Inputs inputs = new Inputs();
        Map<List<Object>, List<HistoricDecisionInstance>> changed = new LinkedHashMap<>();
        Map<String, List<HistoricDecisionInstance>> failed = new LinkedHashMap<>();
        Set<String> changedIds = new HashSet<>();
        for (HistoricDecisionInstance root : roots) {
            Map<String, Object> variables = new HashMap<>();
            required.getOrDefault(root.getId(), List.of()).forEach(r -> inputs.addTo(variables, r));
            inputs.addTo(variables, root);
            DmnDecisionResult result;
            try {
                result = dmn.evaluateDecision(decision, variables);
            } catch (RuntimeException e) {
                failed.computeIfAbsent(String.valueOf(e.getMessage()), k -> new ArrayList<>()).add(root);
                continue;
            }
            Map<String, Object> before = outcome(root);
            Map<String, Object> after = outcome(result);
            Set<String> outputs = new LinkedHashSet<>(before.keySet());
            outputs.addAll(after.keySet());
            for (String output : outputs) {
                Object from = before.get(output);
                Object to = after.get(output);
                if (!same(from, to)) {
                    changed.computeIfAbsent(Arrays.asList(output, from, to), k -> new ArrayList<>()).add(root);
                    changedIds.add(root.getId());
                }
            }
        }
        Map<String, String> businessKeys = businessKeys(changed.values(), failed.values());
        int evaluated = roots.size() - failed.values().stream().mapToInt(List::size).sum();
        List<Change> changes = changed.entrySet().stream()
                .map(e -> {
                    String output = (String) e.getKey().get(0);
                    Object from = e.getKey().get(1);
                    Object to = e.getKey().get(2);
                    int count = e.getValue().size();
                    String summary = number(count) + " of " + number(roots.size()) + " decisions would give " + output + " "
                            + shown(to) + " instead of " + shown(from);
                    return new Change(output, from, to, count, summary, examples(e.getValue(), businessKeys));
                })
                .sorted(Comparator.comparingInt(Change::count).reversed())
                .toList();
        List<Failure> failures = failed.entrySet().stream()
                .map(e -> new Failure(e.getKey(), e.getValue().size(), examples(e.getValue(), businessKeys)))
                .toList();
        return new Report(decision.getKey(), roots.size(), changedIds.size(), evaluated - changedIds.size(),
                roots.size() - evaluated, changes, failures, inputs.limits(model, decision));
    }

    /** The required decisions evaluated with each root, by root id (none when the decision requires none). */
    private Map<String, List<HistoricDecisionInstance>> requiredOf(DmnDecision decision, List<HistoricDecisionInstance> roots) {
        if (decision.getRequiredDecisions().isEmpty() || roots.isEmpty()) {
            return Map.of();
        }
        Set<String> rootIds = roots.stream().map(HistoricDecisionInstance::getId).collect(Collectors.toSet());
        String requirementsKey = roots.get(0).getDecisionRequirementsDefinitionKey();
        if (requirementsKey == null) {
            return Map.of(); // the version in history required no decision
        }
        Date oldest = roots.get(roots.size() - 1).getEvaluationTime();
        return history.createHistoricDecisionInstanceQuery()
                .decisionRequirementsDefinitionKey(requirementsKey)
                .evaluatedAfter(new Date(oldest.getTime() - REQUIRED_DECISIONS_WINDOW_MS))
                .includeInputs().disableCustomObjectDeserialization().list().stream()
                .filter(d -> rootIds.contains(d.getRootDecisionInstanceId()) && !rootIds.contains(d.getId()))
                .collect(Collectors.groupingBy(HistoricDecisionInstance::getRootDecisionInstanceId));
    }

    /** The variables historic inputs stood for, read from the input expressions of the versions that recorded them. */
    private final class Inputs {
        private final Map<String, Map<String, String>> expressionsByDefinition = new HashMap<>();
        private final Set<String> known = new HashSet<>();
        private final Map<String, String> notVariables = new TreeMap<>();

        void addTo(Map<String, Object> variables, HistoricDecisionInstance instance) {
            Map<String, String> expressions = expressionsByDefinition.computeIfAbsent(instance.getDecisionDefinitionId(),
                    this::inputExpressions);
            for (HistoricDecisionInputInstance input : instance.getInputs()) {
                String expression = expressions.get(input.getClauseId());
                if (expression != null && VARIABLE.matcher(expression).matches()) {
                    variables.put(expression, input.getValue());
                    known.add(expression);
                } else {
                    notVariables.put(instance.getDecisionDefinitionKey() + " input '" + input.getClauseName() + "'",
                            Objects.toString(expression, "(unknown)"));
                }
            }
        }

        private Map<String, String> inputExpressions(String decisionDefinitionId) {
            Map<String, String> expressions = new HashMap<>();
            repository.getDmnModelInstance(decisionDefinitionId).getModelElementsByType(Input.class)
                    .forEach(input -> expressions.put(input.getId(), expressionOf(input)));
            return expressions;
        }

        /** What the answer cannot see: historic inputs it could not name, and new inputs history has no value for. */
        List<String> limits(DmnModelInstance model, DmnDecision decision) {
            List<String> limits = new ArrayList<>();
            notVariables.forEach((input, expression) -> limits.add(input + " has the expression '" + expression
                    + "', not a plain variable name: its historic value is not passed to the new table"));
            Set<String> decided = new HashSet<>();
            List<DmnDecision> tree = new ArrayList<>();
            collect(decision, tree);
            for (DmnDecision d : tree) {
                Decision element = model.getModelElementById(d.getKey());
                model.getModelElementsByType(Output.class).stream()
                        .filter(o -> isIn(o, element) && o.getName() != null).forEach(o -> decided.add(o.getName()));
            }
            for (DmnDecision d : tree) {
                Decision element = model.getModelElementById(d.getKey());
                for (Input input : model.getModelElementsByType(Input.class)) {
                    String expression = expressionOf(input);
                    if (isIn(input, element) && expression != null && VARIABLE.matcher(expression).matches()
                            && !known.contains(expression) && !decided.contains(expression)) {
                        limits.add(d.getKey() + " input '" + Objects.toString(input.getLabel(), input.getId()) + "' reads '"
                                + expression + "', which no historic decision recorded: it is null in every evaluation");
                    }
                }
            }
            return limits;
        }
    }

    private static void collect(DmnDecision decision, List<DmnDecision> tree) {
        if (!tree.contains(decision)) {
            tree.add(decision);
            decision.getRequiredDecisions().forEach(r -> collect(r, tree));
        }
    }

    private static boolean isIn(ModelElementInstance element, Decision decision) {
        for (var parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
            if (parent == decision) {
                return true;
            }
        }
        return false;
    }

    private static String expressionOf(Input input) {
        if (input.getInputExpression() == null || input.getInputExpression().getText() == null) {
            return null;
        }
        String text = input.getInputExpression().getText().getTextContent();
        return text == null ? null : text.trim();
    }

    /** Output name → value; a list where several rules matched, null where none did. */
    private static Map<String, Object> outcome(HistoricDecisionInstance instance) {
        Map<Integer, Map<String, Object>> rows = new TreeMap<>();
        for (HistoricDecisionOutputInstance output : instance.getOutputs()) {
            rows.computeIfAbsent(Objects.requireNonNullElse(output.getRuleOrder(), 0), k -> new LinkedHashMap<>())
                    .put(output.getVariableName(), output.getValue());
        }
        return collapse(new ArrayList<>(rows.values()));
    }

    private static Map<String, Object> outcome(DmnDecisionResult result) {
        return collapse(result.getResultList());
    }

    private static Map<String, Object> collapse(List<Map<String, Object>> rows) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>();
        rows.forEach(row -> names.addAll(row.keySet()));
        for (String name : names) {
            List<Object> values = rows.stream().map(row -> row.get(name)).toList();
            outcome.put(name, values.size() == 1 ? values.get(0) : values);
        }
        return outcome;
    }

    /** Equal values; numbers by value, as history may read back an integer output as a long. */
    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        if (a instanceof List<?> x && b instanceof List<?> y && x.size() == y.size()) {
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    private static String shown(Object value) {
        return value == null ? "nothing (no rule matches)" : String.valueOf(value);
    }

    private static String number(int n) {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(n);
    }

    @SafeVarargs
    private Map<String, String> businessKeys(Collection<List<HistoricDecisionInstance>>... groups) {
        Set<String> ids = new HashSet<>();
        for (Collection<List<HistoricDecisionInstance>> group : groups) {
            group.forEach(list -> list.stream().limit(EXAMPLES).map(HistoricDecisionInstance::getProcessInstanceId)
                    .filter(Objects::nonNull).forEach(ids::add));
        }
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, String> keys = new HashMap<>();
        for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery().processInstanceIds(ids).list()) {
            if (instance.getBusinessKey() != null) {
                keys.put(instance.getId(), instance.getBusinessKey());
            }
        }
        return keys;
    }

    private static List<Example> examples(List<HistoricDecisionInstance> instances, Map<String, String> businessKeys) {
        return instances.stream().limit(EXAMPLES)
                .map(d -> new Example(d.getId(), d.getProcessInstanceId(),
                        d.getProcessInstanceId() == null ? null : businessKeys.get(d.getProcessInstanceId())))
                .toList();
    }
}
