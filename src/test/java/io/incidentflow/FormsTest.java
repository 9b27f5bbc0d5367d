package io.incidentflow;

import static io.incidentflow.processstate.CamundaForm.components;
import static io.incidentflow.processstate.CamundaForm.disabled;
import static io.incidentflow.processstate.CamundaForm.required;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Static checks for the Camunda Forms in {@code forms/} (no Spring, no engine): the structure the
 * 7.24 Tasklist needs, and the variable names the processes rely on.
 */
class FormsTest {

  /**
   * Highest form-js schema version the Camunda 7.24 Tasklist renders: the form-js bundled in
   * camunda-webapp-webjar 7.24.0 exports {@code schemaVersion = 16} (form-js 1.8.x).
   */
  static final int MAX_SCHEMA_VERSION = 16;

  static final Set<String> CHOICE_TYPES = Set.of("radio", "select", "checklist", "taglist");

  /** Component types known to the form-js version shipped with the 7.24 Tasklist. */
  static final Set<String> KNOWN_TYPES = Set.of(
      "textfield", "textarea", "number", "checkbox", "checklist", "radio", "select", "taglist",
      "datetime", "text", "html", "expression", "table", "iframe", "image", "separator", "spacer",
      "button", "group", "dynamiclist");

  /** A key must be a plain variable name (a dot would make form-js nest the value). */
  static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Inputs the user must fill in (validate.required, editable); conditional ones included. */
  static final Map<String, Set<String>> REQUIRED_INPUTS = Map.ofEntries(
      Map.entry("incident-log", Set.of("title", "caller", "serviceId", "category", "impact", "urgency")),
      Map.entry("incident-diagnosis", Set.of("diagnosisOutcome", "resolutionType", "resolutionNotes")),
      Map.entry("incident-await-caller", Set.of("callerResponse")),
      Map.entry("incident-functional-escalation",
          Set.of("escalationOutcome", "vendorReference", "handOverGroup", "resolutionType", "resolutionNotes")),
      Map.entry("incident-await-vendor", Set.of("vendorOutcome")),
      Map.entry("incident-confirm-restoration", Set.of("callerAnswer")),
      Map.entry("incident-review", Set.of("reviewCause", "reviewActions")),
      Map.entry("problem-permanent-fix", Set.of("permanentFix")),
      Map.entry("major-situational-analysis", Set.of("triageDecision")),
      Map.entry("major-assign-roles", Set.of("incidentCommander", "communicationsLead")),
      Map.entry("major-restore-service", Set.of("resolutionType", "resolutionNotes")),
      Map.entry("major-experiment", Set.of("experimentOutcome", "experimentFindings")),
      Map.entry("major-stakeholder-update", Set.of("updateTechnicalStaff", "updateBusiness", "updateKeyCustomers", "updateImpactedUsers")),
      Map.entry("major-confirm-recovery", Set.of("recoveryConfirmed", "resolutionType", "resolutionNotes")),
      Map.entry("major-continuity-decision", Set.of("continuityDecision", "timeBoxExtensionHours", "continuityServices")),
      Map.entry("major-post-mortem", Set.of("reviewCause", "reviewActions")),
      Map.entry("major-propose-hypothesis", Set.of("incidentId", "hypothesis", "experimentAction")),
      Map.entry("continuity-invoke", Set.of("affectedServices", "invocationReason")),
      Map.entry("continuity-approve-invocation", Set.of("approvalDecision")),
      Map.entry("continuity-failover", Set.of("failoverNotes", "failoverOutcome", "abandonReason")),
      Map.entry("continuity-verify-recovery", Set.of("recoveryVerification")),
      Map.entry("continuity-communicate-restoration", Set.of("restorationMessage")),
      Map.entry("continuity-plan-failback", Set.of("failbackWindowStart")),
      Map.entry("continuity-execute-failback", Set.of("failbackNotes")),
      Map.entry("continuity-verify-failback", Set.of("failbackVerification")),
      Map.entry("continuity-review", Set.of("lessonsLearned")),
      Map.entry("dr-test-schedule", Set.of("drTestPlannedFor")));

  /** Editable inputs that may stay empty. */
  static final Map<String, Set<String>> OPTIONAL_INPUTS = Map.ofEntries(
      Map.entry("incident-log", Set.of("description", "vipCaller")),
      Map.entry("incident-diagnosis", Set.of("diagnosisNotes")),
      Map.entry("incident-await-caller", Set.of()),
      Map.entry("incident-functional-escalation", Set.of("escalationNotes")),
      Map.entry("incident-await-vendor", Set.of()),
      Map.entry("incident-confirm-restoration", Set.of("callerComment")),
      Map.entry("incident-review", Set.of("reviewContributingFactors")),
      Map.entry("problem-permanent-fix", Set.of("changeReference")),
      Map.entry("major-situational-analysis", Set.of("triageNotes")),
      Map.entry("major-assign-roles", Set.of()),
      Map.entry("major-restore-service", Set.of()),
      Map.entry("major-experiment", Set.of()),
      Map.entry("major-stakeholder-update", Set.of()),
      Map.entry("major-confirm-recovery", Set.of()),
      Map.entry("major-continuity-decision", Set.of()),
      Map.entry("major-post-mortem", Set.of("reviewContributingFactors")),
      Map.entry("major-propose-hypothesis", Set.of()),
      Map.entry("continuity-invoke", Set.of()),
      Map.entry("continuity-approve-invocation", Set.of("approvalComment")),
      Map.entry("continuity-failover", Set.of()),
      Map.entry("continuity-verify-recovery", Set.of("verificationNotes")),
      Map.entry("continuity-communicate-restoration", Set.of()),
      Map.entry("continuity-plan-failback", Set.of("failbackPlan")),
      Map.entry("continuity-execute-failback", Set.of()),
      Map.entry("continuity-verify-failback", Set.of("failbackVerificationNotes")),
      Map.entry("continuity-review", Set.of()),
      Map.entry("dr-test-schedule", Set.of()));

  /**
   * Read-only context, prefilled from the process variable of the same name. These are
   * {@code disabled}: form-js does not submit disabled fields, so context is never written back.
   */
  static final Map<String, Set<String>> CONTEXT = Map.ofEntries(
      Map.entry("incident-log", Set.of()),
      Map.entry("incident-diagnosis",
          Set.of("incidentId", "title", "description", "priority", "serviceName", "caller")),
      Map.entry("incident-await-caller", Set.of("incidentId", "title", "diagnosisNotes")),
      Map.entry("incident-functional-escalation",
          Set.of("incidentId", "title", "description", "priority", "serviceName", "diagnosisNotes")),
      Map.entry("incident-await-vendor", Set.of("incidentId", "title", "vendorContact", "vendorReference")),
      Map.entry("incident-confirm-restoration",
          Set.of("incidentId", "title", "caller", "resolutionType", "resolutionNotes")),
      Map.entry("incident-review", Set.of("incidentId", "title", "priority", "resolutionNotes")),
      Map.entry("problem-permanent-fix", Set.of("problemId", "incidentId", "title", "workaround")),
      Map.entry("continuity-invoke", Set.of()),
      Map.entry("continuity-approve-invocation",
          Set.of("invocationId", "incidentId", "invocationReason", "recoveryAssessment")),
      Map.entry("continuity-failover", Set.of(
          "invocationId", "serviceId", "serviceName", "recoveryPlan", "invocationReason", "verificationNotes")),
      Map.entry("continuity-verify-recovery",
          Set.of("invocationId", "serviceName", "recoveryPlan", "failoverNotes")),
      Map.entry("continuity-communicate-restoration",
          Set.of("invocationId", "invocationReason", "recoveryAssessment")),
      Map.entry("continuity-plan-failback", Set.of("invocationId", "recoveryAssessment")),
      Map.entry("continuity-execute-failback", Set.of("invocationId", "failbackWindowStart", "failbackPlan")),
      Map.entry("continuity-verify-failback", Set.of("invocationId", "failbackNotes")),
      Map.entry("continuity-review",
          Set.of("invocationId", "invocationReason", "recoveryAssessment", "failbackNotes")),
      Map.entry("dr-test-schedule", Set.of("serviceId", "serviceName", "businessOwner", "lastDrTest")),
      Map.entry("major-situational-analysis", Set.of("incidentId", "title", "description", "priority", "serviceName", "majorReason")),
      Map.entry("major-assign-roles", Set.of("incidentId", "title", "priority", "serviceName", "technicalBridge", "businessBridge")),
      Map.entry("major-restore-service", Set.of("incidentId", "title", "serviceName", "technicalBridge")),
      Map.entry("major-experiment", Set.of("incidentId", "title", "hypothesis", "experimentAction")),
      Map.entry("major-stakeholder-update", Set.of("incidentId", "title", "serviceName")),
      Map.entry("major-confirm-recovery", Set.of("incidentId", "title", "serviceName", "recoveryReport")),
      Map.entry("major-continuity-decision", Set.of("incidentId", "title", "priority", "serviceName", "continuityTier",
          "decisionDueAt")),
      Map.entry("major-post-mortem", Set.of("incidentId", "title", "priority", "resolutionNotes")),
      Map.entry("major-propose-hypothesis", Set.of()));

  /** Option values the processes and decisions match on ("form/key" → values). */
  static final Map<String, Set<String>> CHOICE_VALUES = Map.ofEntries(
      Map.entry("incident-log/category",
          Set.of("hardware", "software", "network", "access", "security", "other")),
      Map.entry("incident-log/impact", Set.of("high", "medium", "low")),
      Map.entry("incident-log/urgency", Set.of("high", "medium", "low")),
      Map.entry("incident-diagnosis/diagnosisOutcome", Set.of("resolved", "escalate", "awaitCaller")),
      Map.entry("incident-diagnosis/resolutionType", Set.of("fix", "workaround")),
      Map.entry("incident-functional-escalation/escalationOutcome",
          Set.of("resolved", "engageVendor", "handOver")),
      Map.entry("incident-functional-escalation/resolutionType", Set.of("fix", "workaround")),
      Map.entry("incident-confirm-restoration/callerAnswer", Set.of("restored", "notFixed")),
      Map.entry("incident-confirm-restoration/resolutionType", Set.of("fix", "workaround")),
      Map.entry("major-situational-analysis/triageDecision", Set.of("activate", "deactivate")),
      Map.entry("major-restore-service/resolutionType", Set.of("fix", "workaround")),
      Map.entry("major-experiment/experimentOutcome", Set.of("confirmed", "refuted", "inconclusive")),
      Map.entry("major-confirm-recovery/recoveryConfirmed", Set.of("restored", "notRestored")),
      Map.entry("major-confirm-recovery/resolutionType", Set.of("fix", "workaround")),
      Map.entry("major-continuity-decision/continuityDecision", Set.of("invoke", "extend")),
      Map.entry("continuity-approve-invocation/approvalDecision", Set.of("approve", "decline")),
      Map.entry("continuity-failover/failoverOutcome", Set.of("done", "abandon")),
      Map.entry("continuity-verify-recovery/recoveryVerification", Set.of("verified", "failed")),
      Map.entry("continuity-verify-failback/failbackVerification", Set.of("verified", "failed")));

  /** Fields shown only when another field has a value ("form/key" → {controlling key, value}). */
  static final Map<String, List<String>> SHOWN_ONLY_WHEN = Map.ofEntries(
      Map.entry("incident-diagnosis/resolutionType", List.of("diagnosisOutcome", "resolved")),
      Map.entry("incident-diagnosis/resolutionNotes", List.of("diagnosisOutcome", "resolved")),
      Map.entry("incident-functional-escalation/vendorReference", List.of("escalationOutcome", "engageVendor")),
      Map.entry("incident-functional-escalation/handOverGroup", List.of("escalationOutcome", "handOver")),
      Map.entry("incident-functional-escalation/resolutionType", List.of("escalationOutcome", "resolved")),
      Map.entry("incident-functional-escalation/resolutionNotes", List.of("escalationOutcome", "resolved")),
      Map.entry("major-confirm-recovery/resolutionType", List.of("recoveryConfirmed", "restored")),
      Map.entry("major-confirm-recovery/resolutionNotes", List.of("recoveryConfirmed", "restored")),
      Map.entry("major-continuity-decision/timeBoxExtensionHours", List.of("continuityDecision", "extend")),
      Map.entry("major-continuity-decision/continuityServices", List.of("continuityDecision", "invoke")),
      Map.entry("continuity-failover/abandonReason", List.of("failoverOutcome", "abandon")));

  static final ObjectMapper MAPPER = new ObjectMapper();

  static Path formsDir() {
    Path dir = Path.of(System.getProperty("basedir", ".")).resolve("forms");
    assertTrue(Files.isDirectory(dir), "forms directory not found: " + dir.toAbsolutePath());
    return dir;
  }

  static List<Path> formFiles() throws IOException {
    try (Stream<Path> files = Files.list(formsDir())) {
      return files.filter(p -> p.getFileName().toString().endsWith(".form")).sorted().toList();
    }
  }

  static String formId(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - ".form".length());
  }

  @Test
  void everyKnownFormExists() throws IOException {
    Set<String> ids = formFiles().stream().map(FormsTest::formId).collect(Collectors.toSet());
    assertTrue(ids.containsAll(REQUIRED_INPUTS.keySet()),
        "missing forms: " + REQUIRED_INPUTS.keySet().stream()
            .filter(id -> !ids.contains(id)).collect(Collectors.toCollection(TreeSet::new)));
  }

  @TestFactory
  Stream<DynamicTest> everyFormIsValid() throws IOException {
    List<Path> files = formFiles();
    assertFalse(files.isEmpty(), "no forms/*.form files");
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
  }

  static void check(Path file) throws IOException {
    String id = formId(file);
    JsonNode form;
    try {
      form = MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      fail(file.getFileName() + " is not valid JSON: " + e.getMessage());
      return;
    }
    assertNotNull(form, file + " is empty");
    assertEquals(id, form.path("id").asText(null), file + ": top-level id must equal the file name");
    assertEquals("default", form.path("type").asText(null), id + ": type");
    assertEquals("Camunda Platform", form.path("executionPlatform").asText(null),
        id + ": executionPlatform");
    assertTrue(form.path("executionPlatformVersion").asText("").startsWith("7."),
        id + ": executionPlatformVersion must be a Camunda 7 version");
    int schemaVersion = form.path("schemaVersion").asInt(-1);
    assertTrue(schemaVersion >= 1 && schemaVersion <= MAX_SCHEMA_VERSION,
        id + ": schemaVersion " + schemaVersion + " is not rendered by the 7.24 Tasklist (max "
            + MAX_SCHEMA_VERSION + ")");

    List<JsonNode> components = components(form);
    assertFalse(components.isEmpty(), id + ": no components");

    Set<String> componentIds = new HashSet<>();
    Map<String, JsonNode> byKey = new LinkedHashMap<>();
    for (JsonNode c : components) {
      String cid = c.path("id").asText("");
      String type = c.path("type").asText("");
      assertFalse(cid.isBlank(), id + ": a component has no id");
      assertTrue(componentIds.add(cid), id + ": duplicate component id " + cid);
      assertTrue(KNOWN_TYPES.contains(type), id + "/" + cid + ": unknown component type '" + type + "'");

      if (c.hasNonNull("key")) {
        String key = c.get("key").asText();
        assertTrue(VARIABLE_NAME.matcher(key).matches(), id + "/" + cid + ": bad key '" + key + "'");
        assertTrue(byKey.put(key, c) == null, id + ": duplicate key " + key);
        assertFalse(c.path("label").asText("").isBlank(), id + "/" + key + ": a keyed field needs a label");
      }
      if (CHOICE_TYPES.contains(type)) {
        JsonNode values = c.path("values");
        assertTrue(values.isArray() && !values.isEmpty(), id + "/" + cid + ": " + type + " without values");
        Set<String> seen = new HashSet<>();
        for (JsonNode v : values) {
          assertFalse(v.path("value").asText("").isBlank(), id + "/" + cid + ": option without value");
          assertFalse(v.path("label").asText("").isBlank(), id + "/" + cid + ": option without label");
          assertTrue(seen.add(v.path("value").asText()), id + "/" + cid + ": duplicate option value");
        }
      }
      if (c.has("conditional")) {
        String hide = c.path("conditional").path("hide").asText("");
        assertTrue(hide.startsWith("="), id + "/" + cid + ": conditional.hide must be a FEEL expression (=…)");
      }
      if (required(c)) {
        assertFalse(disabled(c), id + "/" + cid + ": a required field must not be disabled");
      }
    }

    assertTrue(components.stream().anyMatch(c -> required(c) && !disabled(c)),
        id + ": needs at least one required input");

    if (!REQUIRED_INPUTS.containsKey(id)) {
      return; // a form the processes do not (yet) depend on: structural checks only
    }
    Set<String> required = REQUIRED_INPUTS.get(id);
    Set<String> optional = OPTIONAL_INPUTS.get(id);
    Set<String> context = CONTEXT.get(id);
    for (String key : required) {
      JsonNode c = byKey.get(key);
      assertNotNull(c, id + ": missing required input '" + key + "'");
      assertTrue(required(c) && !disabled(c), id + "/" + key + ": must be a required, editable input");
    }
    for (String key : optional) {
      JsonNode c = byKey.get(key);
      assertNotNull(c, id + ": missing input '" + key + "'");
      assertTrue(!required(c) && !disabled(c), id + "/" + key + ": must be an optional, editable input");
    }
    for (String key : context) {
      JsonNode c = byKey.get(key);
      assertNotNull(c, id + ": missing context field '" + key + "'");
      assertTrue(disabled(c), id + "/" + key + ": context must be disabled (shown, not submitted)");
    }
    Set<String> expected = new TreeSet<>(required);
    expected.addAll(optional);
    expected.addAll(context);
    assertEquals(expected, new TreeSet<>(byKey.keySet()), id + ": unexpected variable keys");

    CHOICE_VALUES.forEach((formKey, values) -> {
      if (formKey.startsWith(id + "/")) {
        JsonNode c = byKey.get(formKey.substring(id.length() + 1));
        Set<String> actual = new HashSet<>();
        c.path("values").forEach(v -> actual.add(v.path("value").asText()));
        assertEquals(values, actual, formKey + ": option values");
      }
    });
    SHOWN_ONLY_WHEN.forEach((formKey, when) -> {
      if (formKey.startsWith(id + "/")) {
        String hide = byKey.get(formKey.substring(id.length() + 1))
            .path("conditional").path("hide").asText("");
        assertTrue(hide.contains(when.get(0)) && hide.contains("\"" + when.get(1) + "\""),
            formKey + ": must be hidden unless " + when.get(0) + " = \"" + when.get(1) + "\"");
      }
    });
  }
}
