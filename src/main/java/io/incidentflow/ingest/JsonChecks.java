package io.incidentflow.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.incidentflow.common.FieldProblem;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a JSON body field by field, collecting every problem instead of stopping at the first. */
final class JsonChecks {

    private static final ObjectReader READER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .reader();

    final List<FieldProblem> problems = new ArrayList<>();

    /** The body as a JSON object; malformed JSON or another JSON type is an {@link InvalidEventException}. */
    static JsonNode parseObject(byte[] body) {
        JsonNode root;
        try {
            root = READER.readTree(body);
        } catch (JsonProcessingException e) {
            // Constraint violations (nesting too deep, numbers too long) carry no location.
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new InvalidEventException(List.of(new FieldProblem("body",
                    "is not valid JSON: " + e.getOriginalMessage() + where)));
        } catch (IOException e) {
            throw new InvalidEventException(List.of(new FieldProblem("body", "could not be read")));
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidEventException(List.of(new FieldProblem("body", "is empty")));
        }
        if (!root.isObject()) {
            throw new InvalidEventException(List.of(new FieldProblem("body", "must be a JSON object")));
        }
        return root;
    }

    void problem(String field, String reason) {
        problems.add(new FieldProblem(field, reason));
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidEventException(problems);
        }
    }

    static boolean absent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    /** A string field; null when absent (a problem when required) or of another type (always a problem). */
    String string(JsonNode parent, String name, String path, boolean required, int maxLength) {
        JsonNode node = parent.get(name);
        if (absent(node)) {
            if (required) {
                problem(path, "is missing");
            }
            return null;
        }
        if (!node.isTextual()) {
            problem(path, "must be a string");
            return null;
        }
        String value = node.textValue();
        if (required && value.isBlank()) {
            problem(path, "must not be blank");
            return null;
        }
        if (maxLength > 0 && value.length() > maxLength) {
            problem(path, "is longer than " + maxLength + " characters (" + value.length() + ")");
            return null;
        }
        return value;
    }

    String oneOf(JsonNode parent, String name, String path, boolean required, Set<String> allowed) {
        String value = string(parent, name, path, required, 0);
        if (value != null && !allowed.contains(value)) {
            problem(path, "must be one of " + String.join(", ", allowed.stream().sorted().toList()) + " (was '" + value + "')");
            return null;
        }
        return value;
    }

    OffsetDateTime timestamp(JsonNode parent, String name, String path, boolean required) {
        String value = string(parent, name, path, required, 0);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            problem(path, "must be an RFC 3339 / ISO 8601 timestamp with offset (was '" + value + "')");
            return null;
        }
    }

    /** An object whose values are all strings (labels, annotations); empty when absent. */
    Map<String, String> stringMap(JsonNode parent, String name, String path, boolean required) {
        JsonNode node = parent.get(name);
        Map<String, String> map = new LinkedHashMap<>();
        if (absent(node)) {
            if (required) {
                problem(path, "is missing");
            }
            return map;
        }
        if (!node.isObject()) {
            problem(path, "must be an object");
            return map;
        }
        node.fields().forEachRemaining(e -> {
            if (e.getValue().isTextual()) {
                map.put(e.getKey(), e.getValue().textValue());
            } else {
                problem(path + "." + e.getKey(), "must be a string");
            }
        });
        return map;
    }

    JsonNode object(JsonNode parent, String name, String path, boolean required) {
        JsonNode node = parent.get(name);
        if (absent(node)) {
            if (required) {
                problem(path, "is missing");
            }
            return null;
        }
        if (!node.isObject()) {
            problem(path, "must be an object");
            return null;
        }
        return node;
    }

    JsonNode array(JsonNode parent, String name, String path, boolean required) {
        JsonNode node = parent.get(name);
        if (absent(node)) {
            if (required) {
                problem(path, "is missing");
            }
            return null;
        }
        if (!node.isArray()) {
            problem(path, "must be an array");
            return null;
        }
        return node;
    }

    Integer nonNegativeInt(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (absent(node)) {
            return null;
        }
        if (!node.isIntegralNumber() || node.asLong() < 0 || !node.canConvertToInt()) {
            problem(path, "must be a non-negative integer");
            return null;
        }
        return node.intValue();
    }
}
