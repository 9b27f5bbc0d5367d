package io.incidentflow.processstate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Camunda Forms (form-js) definition as the server reads it: which keys a person fills in and the rules
 * the browser applies to them. The fields a submission may carry are the keyed components that are not
 * {@code disabled}: form-js never submits disabled (read-only context) fields.
 */
public final class CamundaForm {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String id;
    private final Map<String, JsonNode> inputs;

    private CamundaForm(String id, Map<String, JsonNode> inputs) {
        this.id = id;
        this.inputs = inputs;
    }

    public static CamundaForm parse(InputStream json) throws IOException {
        return of(MAPPER.readTree(json));
    }

    public static CamundaForm of(JsonNode form) {
        Map<String, JsonNode> inputs = new LinkedHashMap<>();
        for (JsonNode c : components(form)) {
            if (c.hasNonNull("key") && !disabled(c)) {
                inputs.put(c.get("key").asText(), c);
            }
        }
        return new CamundaForm(form.path("id").asText(""), Collections.unmodifiableMap(inputs));
    }

    /** All components, depth first (groups and dynamic lists nest components). */
    public static List<JsonNode> components(JsonNode container) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode c : container.path("components")) {
            all.add(c);
            all.addAll(components(c));
        }
        return all;
    }

    public static boolean required(JsonNode component) {
        return component.path("validate").path("required").asBoolean(false);
    }

    public static boolean disabled(JsonNode component) {
        return component.path("disabled").asBoolean(false);
    }

    /** The FEEL expression (without the leading '=') that hides the component, if it has one. */
    public static Optional<String> hideExpression(JsonNode component) {
        String hide = component.path("conditional").path("hide").asText("");
        return hide.startsWith("=") ? Optional.of(hide.substring(1)) : Optional.empty();
    }

    public String id() {
        return id;
    }

    /** Keys a person fills in, with their components, in the form's order. */
    public Map<String, JsonNode> inputs() {
        return inputs;
    }
}
