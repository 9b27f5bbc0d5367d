package io.incidentflow.processstate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Checks a form submission on the server the way form-js checks it in the browser: only the form's
 * editable fields, required fields present and not blank unless the form hides them, option values among
 * the options, numbers numeric, checkboxes boolean, text within its length and pattern, dates that parse.
 * Submitted variables have the engine REST shape {@code {"value": .., "type": ..}}.
 */
@Component
public class FormValidator {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Camunda's REST date format, used by Tasklist for variables of type Date. */
    private static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private static final Set<String> TEXT_TYPES = Set.of("", "string");
    private static final Set<String> NUMBER_TYPES = Set.of("", "integer", "long", "short", "double");
    private static final Set<String> BOOLEAN_TYPES = Set.of("", "boolean");
    private static final Set<String> DATE_TYPES = Set.of("", "string", "date");
    private static final Set<String> LIST_TYPES = Set.of("", "json");

    /** FEEL as the forms' conditions use it; the same engine the DMN decisions run on. */
    private final FeelEngine feel = new ScalaFeelEngineFactory().createInstance();

    /**
     * Refuses the submission with the first field that breaks a rule.
     *
     * @param submitted variables by name, each {@code {"value": .., "type": ..}}
     * @param context   process variables the form's conditions may read besides the submitted fields
     */
    void validate(CamundaForm form, Map<String, JsonNode> submitted, Map<String, Object> context) {
        for (String name : submitted.keySet()) {
            if (!form.inputs().containsKey(name)) {
                throw StateViolation.invalid(name, "'" + name + "' is not a field of the form '" + form.id()
                        + "'; only the form's fields may be submitted");
            }
        }
        Map<String, Object> data = new HashMap<>(context);
        submitted.forEach((name, variable) -> data.put(name, plain(variable.get("value"))));
        form.inputs().forEach((key, component) -> {
            JsonNode variable = submitted.get(key);
            JsonNode value = variable == null ? null : variable.get("value");
            if (isBlank(value)) {
                if (CamundaForm.required(component) && !hidden(component, data)) {
                    throw StateViolation.invalid(key, "'" + key + "' is required");
                }
                return;
            }
            String type = variable.path("type").asText("").toLowerCase(Locale.ROOT);
            checkValue(key, component, type, value);
        });
    }

    private static void checkValue(String key, JsonNode component, String type, JsonNode value) {
        JsonNode rules = component.path("validate");
        switch (component.path("type").asText("")) {
            case "textfield", "textarea" -> checkText(key, rules, text(key, type, value));
            case "radio", "select" -> checkOption(key, component, text(key, type, value));
            case "checklist", "taglist" -> {
                for (JsonNode item : list(key, type, value)) {
                    checkOption(key, component, item.isTextual() ? item.asText() : item.toString());
                }
            }
            case "number" -> checkNumber(key, rules, number(key, type, value));
            case "checkbox" -> bool(key, type, value);
            case "datetime" -> checkDate(key, component.path("subtype").asText("datetime"), date(key, type, value));
            default -> text(key, type, value);
        }
    }

    private static String text(String key, String type, JsonNode value) {
        if (!TEXT_TYPES.contains(type) || !value.isTextual()) {
            throw wrongType(key, "text");
        }
        return value.asText();
    }

    private static void checkText(String key, JsonNode rules, String text) {
        if (rules.has("minLength") && text.length() < rules.get("minLength").asInt()) {
            throw StateViolation.invalid(key, "'" + key + "' must have at least " + rules.get("minLength").asInt()
                    + " characters");
        }
        if (rules.has("maxLength") && text.length() > rules.get("maxLength").asInt()) {
            throw StateViolation.invalid(key, "'" + key + "' must have at most " + rules.get("maxLength").asInt()
                    + " characters");
        }
        String pattern = rules.path("pattern").asText("");
        if (!pattern.isEmpty() && !matches(pattern, text)) {
            throw StateViolation.invalid(key, "'" + key + "' must match " + pattern);
        }
    }

    /** As form-js tests it: {@code new RegExp(pattern).test(value)}, i.e. found anywhere unless anchored. */
    private static boolean matches(String pattern, String text) {
        try {
            return Pattern.compile(pattern).matcher(text).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private static void checkOption(String key, JsonNode component, String value) {
        JsonNode options = component.path("values");
        if (!options.isArray()) {
            return; // options from a variable or expression: only the browser knows them
        }
        Set<String> allowed = new HashSet<>();
        options.forEach(option -> allowed.add(option.path("value").asText()));
        if (!allowed.contains(value)) {
            throw StateViolation.invalid(key, "'" + key + "' must be one of " + new java.util.TreeSet<>(allowed)
                    + ", not '" + value + "'");
        }
    }

    private static List<JsonNode> list(String key, String type, JsonNode value) {
        JsonNode array = value;
        if (value.isTextual() && type.equals("json")) {
            try {
                array = MAPPER.readTree(value.asText());
            } catch (java.io.IOException e) {
                throw wrongType(key, "list");
            }
        }
        if (!LIST_TYPES.contains(type) || array == null || !array.isArray()) {
            throw wrongType(key, "list");
        }
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static BigDecimal number(String key, String type, JsonNode value) {
        if (!NUMBER_TYPES.contains(type)) {
            throw wrongType(key, "number");
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        try {
            return new BigDecimal(value.asText().trim());
        } catch (NumberFormatException e) {
            throw wrongType(key, "number");
        }
    }

    private static void checkNumber(String key, JsonNode rules, BigDecimal number) {
        if (rules.has("min") && number.compareTo(rules.get("min").decimalValue()) < 0) {
            throw StateViolation.invalid(key, "'" + key + "' must be at least " + rules.get("min").asText());
        }
        if (rules.has("max") && number.compareTo(rules.get("max").decimalValue()) > 0) {
            throw StateViolation.invalid(key, "'" + key + "' must be at most " + rules.get("max").asText());
        }
    }

    private static void bool(String key, String type, JsonNode value) {
        boolean ok = BOOLEAN_TYPES.contains(type) && (value.isBoolean()
                || (value.isTextual() && Set.of("true", "false").contains(value.asText())));
        if (!ok) {
            throw wrongType(key, "true or false");
        }
    }

    private static String date(String key, String type, JsonNode value) {
        if (!DATE_TYPES.contains(type) || !value.isTextual()) {
            throw wrongType(key, "date");
        }
        return value.asText();
    }

    private static void checkDate(String key, String subtype, String text) {
        List<Function<String, ?>> parsers = switch (subtype) {
            case "date" -> List.of(LocalDate::parse);
            case "time" -> List.of(LocalTime::parse, OffsetTime::parse);
            default -> List.of(OffsetDateTime::parse, LocalDateTime::parse, s -> OffsetDateTime.parse(s, ENGINE_DATE));
        };
        for (Function<String, ?> parser : parsers) {
            try {
                parser.apply(text);
                return;
            } catch (DateTimeParseException e) {
                // try the next accepted format
            }
        }
        throw StateViolation.invalid(key, "'" + key + "' is not a valid " + subtype + ": '" + text + "'");
    }

    private static StateViolation wrongType(String key, String expected) {
        return StateViolation.invalid(key, "'" + key + "' must be a " + expected);
    }

    private static boolean isBlank(JsonNode value) {
        return value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())
                || (value.isArray() && value.isEmpty());
    }

    /** Whether the form hides the component for this data; a condition that does not evaluate hides nothing. */
    private boolean hidden(JsonNode component, Map<String, Object> data) {
        return CamundaForm.hideExpression(component).map(expression -> {
            try {
                Object result = feel.evaluateSimpleExpression(expression,
                        Variables.fromMap(data).asVariableContext());
                return Boolean.TRUE.equals(result);
            } catch (RuntimeException e) {
                return false;
            }
        }).orElse(false);
    }

    private static Object plain(JsonNode value) {
        return value == null || value.isNull() ? null : MAPPER.convertValue(value, Object.class);
    }
}
