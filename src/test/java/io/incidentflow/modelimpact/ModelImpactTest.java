package io.incidentflow.modelimpact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.EngineClockExtension;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.TestUsers;
import io.incidentflow.security.AdminProperties;
import io.incidentflow.security.Roles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * POST /api/models/impact as a process owner uses it: a changed decision table compared on a fixture of decided
 * incidents, a changed process compared with its running instances and the proposed migration run by the engine.
 */
@IncidentFlowTest
class ModelImpactTest {

    @RegisterExtension final EngineClockExtension clock = EngineClockExtension.systemTimeUntilSet();

    @Autowired TestRestTemplate http;
    @Autowired IdentityService identity;
    @Autowired AdminProperties admin;
    @Autowired DecisionService decisionService;
    @Autowired ProcessEngine engine;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;

    private TestRestTemplate owner;

    @BeforeEach
    void processOwner() {
        String id = TestUsers.ensure(identity, "impact-owner", Roles.PROCESS_OWNERS);
        owner = http.withBasicAuth(id, TestUsers.password(id));
    }

    @Test
    void aChangedPriorityTableCountsTheIncidentsWhosePriorityWouldChange() throws IOException {
        // the fixture is the latest history: decided at a moment later than any other test's decisions
        clock.set(Instant.now().plus(Duration.ofDays(365L * 200)));
        // one transaction for the fixture: 200 separate commits would take most of the test's time
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(context -> {
                    decide(37, "medium", "high", false, "supporting");  // P2 today, P1 with the new base table
                    decide(13, "medium", "high", true, "supporting");   // raised to P1 by the VIP caller already
                    decide(150, "low", "low", false, "internal");       // P4, untouched by the change
                    return null;
                });
        clock.reset();
        String changed = priorityTable().replace(
                "<outputEntry id=\"base-medium-high-priority\"><text>\"P2\"</text></outputEntry>",
                "<outputEntry id=\"base-medium-high-priority\"><text>\"P1\"</text></outputEntry>");
        assertThat(changed).isNotEqualTo(priorityTable());

        ResponseEntity<JsonNode> answer = impact(owner, "incident-priority.dmn", changed, "?last=200");

        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
        JsonNode decisions = answer.getBody().get("decisions");
        assertThat(decisions).hasSize(1);
        JsonNode report = decisions.get(0);
        assertThat(report.get("decisionKey").asText()).isEqualTo("incident-priority");
        assertThat(report.get("evaluated").asInt()).isEqualTo(200);
        assertThat(report.get("changed").asInt()).isEqualTo(37);
        assertThat(report.get("unchanged").asInt()).isEqualTo(163);
        assertThat(report.get("failed").asInt()).isZero();
        assertThat(report.get("limits")).isEmpty();
        List<String> changes = new ArrayList<>();
        report.get("changes").forEach(c -> changes.add(c.get("output").asText() + " " + c.get("from").asText() + "->"
                + c.get("to").asText() + " x" + c.get("count").asInt()));
        assertThat(changes).containsExactlyInAnyOrder("priority P2->P1 x37", "responseMinutes 30->15 x37",
                "resolutionMinutes 480->240 x37");
        JsonNode priority = find(report.get("changes"), "priority");
        assertThat(priority.get("summary").asText()).isEqualTo("37 of 200 decisions would give priority P1 instead of P2");
        assertThat(priority.get("examples")).hasSize(DecisionImpact.EXAMPLES);
        priority.get("examples").forEach(e -> assertThat(e.get("decisionInstanceId").asText()).isNotBlank());
    }

    @Test
    void examplesNameTheIncidentsAndInputsWithoutAVariableNameAreListedAsLimits() {
        String key = "impact-decision-" + UUID.randomUUID().toString().substring(0, 8);
        BpmnModelInstance process = Bpmn.createExecutableProcess(key + "-process").name("Impact decision test")
                .camundaHistoryTimeToLive(180)
                .startEvent("Start").name("Started")
                .businessRuleTask("Task_Decide").name("Decide").camundaDecisionRef(key).camundaResultVariable("level")
                .camundaMapDecisionResult("singleEntry")
                .userTask("Task_Wait").name("Wait").camundaCandidateGroups(Roles.SERVICE_DESK)
                .endEvent("End").name("Done").done();
        repository.createDeployment().name(key).addString(key + ".dmn", levelTable(key, "serious"))
                .addModelInstance(key + ".bpmn", process).deploy();
        List<String> high = List.of(key + "-INC-1", key + "-INC-2");
        high.forEach(incident -> runtime.startProcessInstanceByKey(key + "-process", incident,
                Map.of("impact", "high", "score", 1)));
        runtime.startProcessInstanceByKey(key + "-process", key + "-INC-3", Map.of("impact", "low", "score", 1));

        ResponseEntity<JsonNode> answer = impact(owner, key + ".dmn", levelTable(key, "critical"), "");

        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
        JsonNode report = answer.getBody().get("decisions").get(0);
        assertThat(report.get("evaluated").asInt()).isEqualTo(3);
        assertThat(report.get("changed").asInt()).isEqualTo(2);
        assertThat(report.get("failed").asInt()).isZero();
        JsonNode change = find(report.get("changes"), "level");
        assertThat(change.get("summary").asText()).isEqualTo("2 of 3 decisions would give level critical instead of serious");
        List<String> incidents = new ArrayList<>();
        change.get("examples").forEach(e -> incidents.add(e.get("businessKey").asText()));
        assertThat(incidents).containsExactlyInAnyOrderElementsOf(high);
        assertThat(report.get("limits").toString()).contains("input 'Score' has the expression 'score + 1'");
    }

    /** A one-table decision: "high" impact gives {@code highLevel}; the score input is not a plain variable. */
    private static String levelTable(String key, String highLevel) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                             id="%1$s-definitions" name="Impact test" namespace="http://incidentflow.io/test">
                  <decision id="%1$s" name="Level" camunda:historyTimeToLive="1">
                    <decisionTable id="%1$s-table" hitPolicy="FIRST">
                      <input id="Input_Impact" label="Impact">
                        <inputExpression id="Expression_Impact" typeRef="string"><text>impact</text></inputExpression>
                      </input>
                      <input id="Input_Score" label="Score">
                        <inputExpression id="Expression_Score" typeRef="integer"><text>score + 1</text></inputExpression>
                      </input>
                      <output id="Output_Level" name="level" typeRef="string" />
                      <rule id="Rule_High">
                        <inputEntry id="Entry_High_Impact"><text>"high"</text></inputEntry>
                        <inputEntry id="Entry_High_Score"><text>-</text></inputEntry>
                        <outputEntry id="Out_High"><text>"%2$s"</text></outputEntry>
                      </rule>
                      <rule id="Rule_Other">
                        <inputEntry id="Entry_Other_Impact"><text>-</text></inputEntry>
                        <inputEntry id="Entry_Other_Score"><text>-</text></inputEntry>
                        <outputEntry id="Out_Other"><text>"low"</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(key, highLevel);
    }

    @Test
    void aProcessChangeListsTheInstancesWithoutPlaceAndProposesAPlanTheEngineRuns() {
        String key = "impact-" + UUID.randomUUID().toString().substring(0, 8);
        ProcessDefinition v1 = deploy(key, process(key, true));
        ProcessInstance waitingToKeep = runtime.startProcessInstanceByKey(key, key + "-keep-1");
        ProcessInstance alsoToKeep = runtime.startProcessInstanceByKey(key, key + "-keep-2");
        ProcessInstance atDropped = runtime.startProcessInstanceByKey(key, key + "-drop");
        tasks.complete(tasks.createTaskQuery().processInstanceId(atDropped.getId()).singleResult().getId());

        ResponseEntity<JsonNode> answer = impact(owner, key + ".bpmn", Bpmn.convertToString(process(key, false)), "");

        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
        JsonNode report = answer.getBody().get("processes").get(0);
        assertThat(report.get("processKey").asText()).isEqualTo(key);
        assertThat(report.get("removedActivityIds").toString()).isEqualTo("[\"Task_Drop\"]");
        assertThat(report.get("runningInstances").asInt()).isEqualTo(3);
        assertThat(report.get("withoutPlace")).hasSize(1);
        JsonNode stranded = report.get("withoutPlace").get(0);
        assertThat(stranded.get("processInstanceId").asText()).isEqualTo(atDropped.getId());
        assertThat(stranded.get("businessKey").asText()).isEqualTo(key + "-drop");
        assertThat(stranded.get("activityIds").toString()).isEqualTo("[\"Task_Drop\"]");
        assertThat(report.get("notCovered")).isEmpty();
        JsonNode migration = report.get("migrations").get(0);
        assertThat(migration.get("processInstanceIds").toString())
                .contains(waitingToKeep.getId(), alsoToKeep.getId()).doesNotContain(atDropped.getId());
        JsonNode plan = migration.get("migrationPlan");
        assertThat(plan.get("sourceProcessDefinitionId").asText()).isEqualTo(v1.getId());
        assertThat(plan.get("targetProcessDefinitionId").isNull()).isTrue();

        // the owner deploys the new version and runs the proposed plan
        ProcessDefinition v2 = deploy(key, process(key, false));
        MigrationPlanBuilder builder = runtime.createMigrationPlan(v1.getId(), v2.getId());
        for (JsonNode instruction : plan.get("instructions")) {
            var mapped = builder.mapActivities(instruction.get("sourceActivityIds").get(0).asText(),
                    instruction.get("targetActivityIds").get(0).asText());
            if (instruction.get("updateEventTrigger").asBoolean()) {
                mapped.updateEventTrigger();
            }
        }
        MigrationPlan engineAccepted = builder.build();
        List<String> ids = new ArrayList<>();
        migration.get("processInstanceIds").forEach(id -> ids.add(id.asText()));
        runtime.newMigration(engineAccepted).processInstanceIds(ids).execute();

        for (String id : ids) {
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(id).singleResult().getProcessDefinitionId())
                    .isEqualTo(v2.getId());
            assertThat(tasks.createTaskQuery().processInstanceId(id).singleResult().getTaskDefinitionKey()).isEqualTo("Task_Keep");
        }
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(atDropped.getId()).singleResult()
                .getProcessDefinitionId()).isEqualTo(v1.getId());
    }

    @Test
    void processOwnersAndAdminsMayAskOthersMayNot() throws IOException {
        String desk = TestUsers.ensure(identity, "impact-desk", Roles.SERVICE_DESK);
        String file = priorityTable();

        assertThat(impact(owner, "incident-priority.dmn", file, "?last=5").getStatusCode().value()).isEqualTo(200);
        assertThat(impact(http.withBasicAuth(admin.userId(), admin.password()), "incident-priority.dmn", file, "?last=5")
                .getStatusCode().value()).isEqualTo(200);
        assertThat(impact(http.withBasicAuth(desk, TestUsers.password(desk)), "incident-priority.dmn", file, "")
                .getStatusCode().value()).isEqualTo(403);
        assertThat(impact(http, "incident-priority.dmn", file, "").getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void badInputIsRefusedNamingTheField() throws IOException {
        String table = priorityTable();
        assertRefused(impact(owner, "incident-priority.dmn", table, "?last=0"), "last", "between 1 and");
        assertRefused(impact(owner, "incident-priority.dmn", table, "?last=" + (ModelImpactService.MAX_LAST + 1)), "last", "between 1 and");
        assertRefused(impact(owner, "notes.txt", "hello", ""), "file", "must be a .dmn or .bpmn");
        assertRefused(impact(owner, "incident-priority.dmn", table, "?decision=no-such-decision"), "decision",
                "is not a decision of the file");

        String unknownDecision = table.replace("\"incident-priority\"", "\"impact-unknown-decision\"");
        assertRefused(impact(owner, "unknown.dmn", unknownDecision, ""), "file", "'impact-unknown-decision' is not deployed");
        String newProcess = "impact-new-" + UUID.randomUUID().toString().substring(0, 8);
        assertRefused(impact(owner, newProcess + ".bpmn", Bpmn.convertToString(process(newProcess, true)), ""),
                "file", "is not deployed");

        // refused by the model gate: its problems, nothing evaluated
        String script = Bpmn.convertToString(Bpmn.createExecutableProcess("incident").camundaHistoryTimeToLive(180)
                .startEvent("Start").scriptTask("Task_Script").scriptFormat("groovy").scriptText("1").endEvent("End").done());
        assertRefused(impact(owner, "incident.bpmn", script, ""), "file", "[no-script]");

        MultiValueMap<String, Object> noFile = new LinkedMultiValueMap<>();
        noFile.add("other", "x");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        assertRefused(owner.postForEntity("/api/models/impact", new HttpEntity<>(noFile, headers), JsonNode.class),
                "file", "is required");
    }

    private static void assertRefused(ResponseEntity<JsonNode> answer, String field, String reason) {
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(400);
        assertThat(answer.getBody().get("errors").get(0).get("field").asText()).isEqualTo(field);
        assertThat(answer.getBody().get("errors").toString()).contains(reason);
    }

    private void decide(int times, String impact, String urgency, boolean vipCaller, String criticality) {
        for (int i = 0; i < times; i++) {
            decisionService.evaluateDecisionByKey("incident-priority").variables(Map.of("impact", impact,
                    "urgency", urgency, "vipCaller", vipCaller, "serviceCriticality", criticality)).evaluate();
        }
    }

    private static String priorityTable() throws IOException {
        try (InputStream in = ModelImpactTest.class.getResourceAsStream("/processes/incident-priority.dmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Start → Task_Keep (→ Task_Drop in the first version) → End, worked by the service desk. */
    private static BpmnModelInstance process(String key, boolean withDrop) {
        var keep = Bpmn.createExecutableProcess(key).name("Impact test").camundaHistoryTimeToLive(180)
                .startEvent("Start").name("Started")
                .userTask("Task_Keep").name("Keep").camundaCandidateGroups(Roles.SERVICE_DESK);
        return withDrop
                ? keep.userTask("Task_Drop").name("Drop").camundaCandidateGroups(Roles.SERVICE_DESK).endEvent("End").name("Done").done()
                : keep.endEvent("End").name("Done").done();
    }

    private ProcessDefinition deploy(String key, BpmnModelInstance model) {
        String deployment = repository.createDeployment().name(key).addModelInstance(key + ".bpmn", model).deploy().getId();
        return repository.createProcessDefinitionQuery().deploymentId(deployment).singleResult();
    }

    private static ResponseEntity<JsonNode> impact(TestRestTemplate as, String fileName, String content, String query) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as.postForEntity("/api/models/impact" + query, new HttpEntity<>(form, headers), JsonNode.class);
    }

    private static JsonNode find(JsonNode changes, String output) {
        for (JsonNode change : changes) {
            if (change.get("output").asText().equals(output)) {
                return change;
            }
        }
        throw new AssertionError("no change of " + output + " in " + changes);
    }
}
