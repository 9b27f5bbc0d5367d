package io.incidentflow.processstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Field kinds the incident forms do not exercise over HTTP: numbers, checkboxes, dates, lengths, patterns. */
class FormValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final CamundaForm FORM = form("""
            {"id": "kinds", "components": [
              {"key": "hours", "type": "number", "validate": {"required": true, "min": 1, "max": 72}},
              {"key": "vip", "type": "checkbox"},
              {"key": "day", "type": "datetime", "subtype": "date"},
              {"key": "at", "type": "datetime", "subtype": "datetime"},
              {"key": "ref", "type": "textfield", "validate": {"maxLength": 10, "pattern": "^INC-[0-9]+$"}},
              {"key": "tags", "type": "checklist", "values": [{"label": "A", "value": "a"}, {"label": "B", "value": "b"}]},
              {"key": "context", "type": "textfield", "disabled": true}]}""");

    private final FormValidator validator = new FormValidator();

    @Test
    void aValidSubmissionPasses() {
        assertThatCode(() -> validate("""
                {"hours": {"value": 4, "type": "Integer"}, "vip": {"value": true, "type": "Boolean"},
                 "day": {"value": "2026-12-01"}, "at": {"value": "2026-12-01T10:00:00Z"},
                 "ref": {"value": "INC-12"}, "tags": {"value": "[\\"a\\",\\"b\\"]", "type": "Json"}}"""))
                .doesNotThrowAnyException();
    }

    @Test
    void eachBrokenRuleNamesItsField() {
        assertRefused("{}", "hours");
        assertRefused("{\"hours\": {\"value\": \"four\"}}", "hours");
        assertRefused("{\"hours\": {\"value\": 73}}", "hours");
        assertRefused("{\"hours\": {\"value\": 4}, \"vip\": {\"value\": \"yes\"}}", "vip");
        assertRefused("{\"hours\": {\"value\": 4}, \"day\": {\"value\": \"1 Dec\"}}", "day");
        assertRefused("{\"hours\": {\"value\": 4}, \"at\": {\"value\": \"tomorrow\"}}", "at");
        assertRefused("{\"hours\": {\"value\": 4}, \"ref\": {\"value\": \"INC-123456789\"}}", "ref");
        assertRefused("{\"hours\": {\"value\": 4}, \"ref\": {\"value\": \"PRB-1\"}}", "ref");
        assertRefused("{\"hours\": {\"value\": 4}, \"tags\": {\"value\": \"[\\\"c\\\"]\", \"type\": \"Json\"}}", "tags");
        assertRefused("{\"hours\": {\"value\": 4}, \"ref\": {\"value\": \"INC-1\", \"type\": \"Object\"}}", "ref");
        // a disabled field is shown, never submitted
        assertRefused("{\"hours\": {\"value\": 4}, \"context\": {\"value\": \"x\"}}", "context");
    }

    private void assertRefused(String variables, String field) {
        assertThatThrownBy(() -> validate(variables))
                .isInstanceOfSatisfying(StateViolation.class,
                        v -> assertThat(v.field()).as(v.getMessage()).isEqualTo(field));
    }

    private void validate(String variables) throws Exception {
        Map<String, JsonNode> submitted = new LinkedHashMap<>();
        JSON.readTree(variables).fields().forEachRemaining(e -> submitted.put(e.getKey(), e.getValue()));
        validator.validate(FORM, submitted, Map.of());
    }

    private static CamundaForm form(String json) {
        try {
            return CamundaForm.of(JSON.readTree(json));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
