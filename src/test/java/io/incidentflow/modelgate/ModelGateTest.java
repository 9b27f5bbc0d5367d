package io.incidentflow.modelgate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.TestUsers;
import io.incidentflow.security.Roles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The model gate as a process owner meets it: deployments over the engine REST API, sent the way Camunda
 * Modeler's Deploy button sends them. Each broken model kind is refused with 400 naming file, element, rule
 * and fix, and nothing is deployed; a clean model goes through. Expressions that got in anyway resolve only
 * the allow-listed beans.
 */
@IncidentFlowTest
class ModelGateTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STEP_SHAPE = "<bpmndi:BPMNShape id=\"Shape_Step\" bpmnElement=\"Task_Step\">"
            + "<dc:Bounds x=\"200\" y=\"80\" width=\"100\" height=\"80\" /></bpmndi:BPMNShape>";
    private static final String FLOWS = "<bpmn:incoming>Flow_ToStep</bpmn:incoming><bpmn:outgoing>Flow_ToEnd</bpmn:outgoing>";

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Autowired RepositoryService repositoryService;
    @Autowired ProcessEngine engine;
    @Autowired ModelBeans beans;

    private String owner;

    @BeforeEach
    void processOwner() {
        owner = TestUsers.ensure(identityService, "gate-owner", Roles.PROCESS_OWNERS);
    }

    static Stream<Arguments> brokenModels() {
        return Stream.of(
                Arguments.of("a script task", "no-script", "Task_Step",
                        "<bpmn:scriptTask id=\"Task_Step\" name=\"Step\" scriptFormat=\"javascript\">" + FLOWS
                                + "<bpmn:script>java.lang.System.exit(1)</bpmn:script></bpmn:scriptTask>"),
                Arguments.of("a script listener", "no-script", "Task_Step",
                        serviceTask("camunda:delegateExpression=\"${closeIncidentDelegate}\"",
                                "<bpmn:extensionElements><camunda:executionListener event=\"start\">"
                                        + "<camunda:script scriptFormat=\"groovy\">1</camunda:script>"
                                        + "</camunda:executionListener></bpmn:extensionElements>")),
                Arguments.of("a Java class", "no-java-class", "Task_Step",
                        serviceTask("camunda:class=\"java.lang.ProcessBuilder\"", "")),
                Arguments.of("a bean that is no process step", "delegate-bean", "Task_Step",
                        serviceTask("camunda:delegateExpression=\"${incidentService}\"", "")),
                Arguments.of("an engine service", "expression", "Task_Step",
                        serviceTask("camunda:expression=\"${execution.setVariable('users', identityService.createUserQuery().count())}\"", "")),
                Arguments.of("jdbcTemplate", "expression", "Task_Step",
                        serviceTask("camunda:expression=\"${jdbcTemplate.execute('DROP TABLE incident')}\"", "")),
                Arguments.of("the engine behind the execution", "expression", "Task_Step",
                        serviceTask("camunda:expression=\"${execution.processEngineServices.runtimeService}\"", "")),
                Arguments.of("a Java class through a string", "expression", "Task_Step",
                        serviceTask("camunda:expression=\"${''.getClass().forName('java.lang.Runtime')}\"", "")),
                Arguments.of("a connector", "connector", "Task_Step",
                        serviceTask("", "<bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector"
                                + "</camunda:connectorId></camunda:connector></bpmn:extensionElements>")),
                Arguments.of("an unknown called process", "called-process", "Task_Step",
                        "<bpmn:callActivity id=\"Task_Step\" name=\"Step\" calledElement=\"no-such-process\">" + FLOWS
                                + "</bpmn:callActivity>"),
                Arguments.of("an unknown decision", "decision-ref", "Task_Step",
                        "<bpmn:businessRuleTask id=\"Task_Step\" name=\"Step\" camunda:decisionRef=\"no-such-decision\" "
                                + "camunda:resultVariable=\"r\" camunda:mapDecisionResult=\"singleEntry\">" + FLOWS
                                + "</bpmn:businessRuleTask>"),
                Arguments.of("an unknown form", "form-ref", "Task_Step",
                        userTask("camunda:formRef=\"no-such-form\" camunda:formRefBinding=\"latest\" camunda:candidateGroups=\"service-desk\"")),
                Arguments.of("a group that does not exist", "candidate-group", "Task_Step",
                        userTask("camunda:formRef=\"incident-diagnosis\" camunda:formRefBinding=\"latest\" camunda:candidateGroups=\"nobodys-team\"")),
                Arguments.of("a timer that does not parse", "timer", "Timer_Step",
                        "<bpmn:intermediateCatchEvent id=\"Task_Step\" name=\"Step\">" + FLOWS
                                + "<bpmn:timerEventDefinition id=\"Timer_Step\"><bpmn:timeDuration>15 minutes</bpmn:timeDuration>"
                                + "</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"));
    }

    @ParameterizedTest(name = "{0} is refused by rule {1}")
    @MethodSource("brokenModels")
    void brokenModelIsRefusedNamingFileElementRuleAndFix(String what, String rule, String element, String step) throws Exception {
        String key = "gate-test-" + UUID.randomUUID().toString().substring(0, 8);
        assertRefused(deploy(owner, "broken.bpmn", bpmn(key, step, STEP_SHAPE)), "broken.bpmn", element, rule);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
    }

    @Test
    void theAttackFromTheIssueIsRefusedAndNothingRuns() throws Exception {
        String key = "gate-attack-" + UUID.randomUUID().toString().substring(0, 8);
        String model = bpmn(key, serviceTask(
                        "camunda:expression=\"${execution.setVariable('users', identityService.createUserQuery().count())}\"", ""),
                STEP_SHAPE).replace("<bpmn:outgoing>Flow_ToStep</bpmn:outgoing>",
                "<bpmn:outgoing>Flow_ToStep</bpmn:outgoing><bpmn:timerEventDefinition id=\"Timer_Start\">"
                        + "<bpmn:timeCycle>R1/PT1S</bpmn:timeCycle></bpmn:timerEventDefinition>");
        long deployments = repositoryService.createDeploymentQuery().count();

        assertRefused(deploy(owner, "attack.bpmn", model), "attack.bpmn", "Task_Step", "expression");

        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(engine.getManagementService().createJobQuery().processDefinitionKey(key).count()).isZero();
    }

    @Test
    void missingHistoryLifetimeAndDiagramAreRefused() throws Exception {
        String withoutLifetime = bpmn("gate-ttl", serviceTask("camunda:delegateExpression=\"${closeIncidentDelegate}\"", ""),
                STEP_SHAPE).replace(" camunda:historyTimeToLive=\"P1D\"", "");
        assertRefused(deploy(owner, "ttl.bpmn", withoutLifetime), "ttl.bpmn", "gate-ttl", "history-ttl");

        String withoutShape = bpmn("gate-layout", serviceTask("camunda:delegateExpression=\"${closeIncidentDelegate}\"", ""), "");
        assertRefused(deploy(owner, "layout.bpmn", withoutShape), "layout.bpmn", "Task_Step", "diagram-layout");
    }

    @Test
    void decisionsMustNotRunScriptsAndNeedAHistoryLifetime() throws Exception {
        String script = dmn("camunda:historyTimeToLive=\"P1D\"", "expressionLanguage=\"javascript\"");
        assertRefused(deploy(owner, "script.dmn", script), "script.dmn", "Input_Impact_Expression", "no-script");

        String noLifetime = dmn("", "");
        assertRefused(deploy(owner, "lifetime.dmn", noLifetime), "lifetime.dmn", "Decision_GateTest", "history-ttl");
    }

    @Test
    void onlyModelsAreDeployed() throws Exception {
        assertRefused(deploy(owner, "form.html", "<form><script>alert(1)</script></form>"), "form.html", null, "resource-type");
    }

    @Test
    void aCleanModelIsAcceptedAsCamundaModelerSendsIt() throws Exception {
        String key = "gate-clean-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> response = deploy(owner, "clean.bpmn",
                bpmn(key, userTask("camunda:formRef=\"incident-diagnosis\" camunda:formRefBinding=\"latest\" "
                        + "camunda:candidateGroups=\"service-desk\""), STEP_SHAPE));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String deploymentId = JSON.readTree(response.body()).path("id").asText();
        try {
            assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isEqualTo(1);
        } finally {
            repositoryService.deleteDeployment(deploymentId, true);
        }
    }

    @Test
    void onlyProcessOwnersAndAdminsDeploy() throws Exception {
        String model = bpmn("gate-rights", serviceTask("camunda:delegateExpression=\"${closeIncidentDelegate}\"", ""), STEP_SHAPE);
        String desk = TestUsers.ensure(identityService, "gate-desk", Roles.SERVICE_DESK);
        assertThat(deploy(desk, "rights.bpmn", model).statusCode()).isEqualTo(403);
        assertThat(deploy(null, "rights.bpmn", model).statusCode()).isEqualTo(401);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("gate-rights").count()).isZero();
    }

    @Test
    void shippedModelsPassTheGate() throws IOException {
        ModelGate gate = new ModelGate(beans);
        java.util.Map<String, byte[]> files = new java.util.TreeMap<>();
        for (String dir : new String[] {"processes", "forms"}) {
            try (Stream<java.nio.file.Path> paths = java.nio.file.Files.list(java.nio.file.Path.of(dir))) {
                for (java.nio.file.Path path : paths.filter(p -> !p.toString().endsWith(".md")).toList()) {
                    files.put(path.getFileName().toString(), java.nio.file.Files.readAllBytes(path));
                }
            }
        }
        ModelGate.Deployed nothingElse = new ModelGate.Deployed() {
            public boolean hasProcess(String key) { return false; }
            public boolean hasDecision(String key) { return false; }
            public boolean hasForm(String key) { return false; }
            public boolean hasGroup(String groupId) {
                return identityService.createGroupQuery().groupId(groupId).count() > 0;
            }
        };
        assertThat(gate.check(files, nothingElse)).isEmpty();
    }

    @Test
    void expressionsResolveOnlyAllowListedBeansAtRunTime() {
        ExpressionManager expressions = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getExpressionManager();
        JuelExpressionManager juel = (JuelExpressionManager) expressions;
        var context = juel.createElContext(Variables.createVariables().putValue("title", "Mail down").asVariableContext());

        assertThat(juel.createValueExpression("${drReadinessSchedule.cycle}").getValue(context)).isNotNull();
        assertThat(juel.createValueExpression("${closeIncidentDelegate}").getValue(context)).isNotNull();
        assertThat(juel.createValueExpression("${title.toUpperCase()}").getValue(context)).isEqualTo("MAIL DOWN");
        for (String forbidden : new String[] {"${jdbcTemplate}", "${identityService}", "${incidentService}",
                "${processEngine}", "${title.getClass()}", "${title.class}", "${title['class'].forName('java.lang.Runtime')}"}) {
            assertThatThrownBy(() -> juel.createValueExpression(forbidden).getValue(context)).as(forbidden)
                    .isInstanceOf(RuntimeException.class);
        }
    }


    private static void assertRefused(HttpResponse<String> response, String file, String element, String rule) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("type").asText()).isEqualTo("ParseException");
        String message = body.path("message").asText();
        assertThat(message).contains(file).contains("[" + rule + "]").contains("Fix:").contains("nothing was deployed");
        if (element != null) {
            assertThat(message).contains(" " + element + " [" + rule + "]");
            assertThat(body.path("details").toString()).contains("\"" + element + "\"");
        }
    }

    private static String serviceTask(String attributes, String body) {
        return "<bpmn:serviceTask id=\"Task_Step\" name=\"Step\" " + attributes + ">" + body + FLOWS + "</bpmn:serviceTask>";
    }

    private static String userTask(String attributes) {
        return "<bpmn:userTask id=\"Task_Step\" name=\"Step\" " + attributes + ">" + FLOWS + "</bpmn:userTask>";
    }

    private static String bpmn(String key, String step, String shape) throws IOException {
        try (InputStream template = ModelGateTest.class.getResourceAsStream("/modelgate/valid.bpmn")) {
            return new String(template.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("PROCESS_KEY", key).replace("STEP", step).replace("SHAPE", shape);
        }
    }

    private static String dmn(String lifetime, String inputLanguage) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="Definitions_GateTest" name="Gate test" namespace="http://camunda.org/schema/1.0/dmn">
                  <decision id="Decision_GateTest" name="Gate test" %s>
                    <decisionTable id="Table_GateTest">
                      <input id="Input_Impact" label="Impact">
                        <inputExpression id="Input_Impact_Expression" typeRef="string" %s><text>impact</text></inputExpression>
                      </input>
                      <output id="Output_Priority" name="priority" typeRef="string" />
                      <rule id="Rule_Any"><inputEntry id="Entry_Any"><text>-</text></inputEntry><outputEntry id="Out_Any"><text>"P4"</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(lifetime, inputLanguage);
    }

    /** POST /engine-rest/deployment/create as multipart form data, with the fields Camunda Modeler sends. */
    private HttpResponse<String> deploy(String user, String fileName, String content) throws Exception {
        String boundary = "----gate" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "deployment-name", null, "gate test");
        part(body, boundary, "deployment-source", null, "Camunda Modeler");
        part(body, boundary, "deploy-changed-only", null, "true");
        part(body, boundary, fileName, fileName, content);
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + TestUsers.password(user)).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String fileName, String value)
            throws IOException {
        String header = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream")
                + "\r\n\r\n";
        body.write(header.getBytes(StandardCharsets.UTF_8));
        body.write(value.getBytes(StandardCharsets.UTF_8));
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
}
