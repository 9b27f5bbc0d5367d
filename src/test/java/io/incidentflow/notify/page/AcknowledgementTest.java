package io.incidentflow.notify.page;

import io.incidentflow.EngineClockExtension;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.incident.Level;
import io.incidentflow.incident.process.IncidentDriver;
import io.incidentflow.notify.AckTokens;
import io.incidentflow.notify.Notification;
import io.incidentflow.notify.NotifyProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Acknowledging a page over real HTTP: the signed link (confirmation page, then POST) and the API. */
@IncidentFlowTest
class AcknowledgementTest {

    static final Instant MONDAY = Instant.parse("2026-03-02T10:00:00Z");

    @LocalServerPort int port;
    @RegisterExtension final EngineClockExtension clock = EngineClockExtension.systemTimeUntilSet();

    @Autowired TestRestTemplate anonymous;
    @Autowired ProcessEngine engine;
    @Autowired IdentityService identity;
    @Autowired PageDriver driver;
    @Autowired PageService pages;
    @Autowired IncidentDriver incidents;
    @Autowired NotifyProperties properties;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private ProcessInstance page;
    private String link;

    @BeforeEach
    void pageAlice() {
        AbstractAssertions.init(engine);
        String incidentId = incidents.log("erp", Level.LOW, Level.LOW).getId();
        clock.set(MONDAY);
        page = driver.page(incidentId, "erp-team", "ERP invoices fail");
        driver.pageNextLevel(page);
        Notification sms = driver.messages(page).get(0);
        link = sms.getShortText().substring(sms.getShortText().indexOf("http://"));
        // the link names the configured public URL; the test server listens on a random port
        link = "http://localhost:" + port + link.substring(link.indexOf("/ack/"));
    }


    @Test
    void openingTheLinkShowsAConfirmationAndAcknowledgesNothing() throws Exception {
        HttpResponse<String> shown = get(link);

        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(shown.body()).contains("ERP invoices fail", "<form method=\"post\"", "Acknowledge");
        assertThat(pages.get(driver.pageId(page)).isAcknowledged()).isFalse();
        assertThat(page).isWaitingAt(PageModel.EVENT_ACK_TIMEOUT);
    }

    @Test
    void confirmingAcknowledgesOnceAndAReplayChangesNothing() throws Exception {
        HttpResponse<String> confirmed = post(link);

        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Thank you, alice", "The escalation stopped");
        assertThat(page).isEnded();
        Page acknowledged = pages.get(driver.pageId(page));
        assertThat(acknowledged.getAcknowledgedBy()).isEqualTo("alice");

        clock.set(MONDAY.plusSeconds(90));
        HttpResponse<String> replayed = post(link);
        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(replayed.body()).contains("Already acknowledged", "was acknowledged by alice at 2026-03-02T10:00:00Z", "Nothing was changed");
        Page after = pages.get(acknowledged.getId());
        assertThat(after.getAcknowledgedAt()).isEqualTo(MONDAY);
        assertThat(get(link).body()).contains("Already acknowledged");
    }

    @Test
    void forgedLinkIsRefusedAndNothingChanges() throws Exception {
        String token = link.substring(link.indexOf("/ack/") + 5);
        String otherSignature = token.substring(0, token.indexOf('.') + 1) + "AAAA" + token.substring(token.indexOf('.') + 5);

        for (String forged : new String[] {otherSignature, "bm90LWEtdG9rZW4", token.substring(0, token.length() - 3)}) {
            HttpResponse<String> refused = post(link.replace(token, forged));
            assertThat(refused.statusCode()).as(forged).isEqualTo(403);
            assertThat(refused.body()).contains("not valid").contains("Nothing was changed");
        }
        assertThat(pages.get(driver.pageId(page)).isAcknowledged()).isFalse();
        assertThat(page).isWaitingAt(PageModel.EVENT_ACK_TIMEOUT);
    }

    @Test
    void expiredLinkIsRefusedAndNothingChanges() throws Exception {
        clock.set(MONDAY.plus(Duration.ofHours(24)));

        HttpResponse<String> refused = post(link);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("expired at 2026-03-03T10:00:00Z");
        assertThat(get(link).statusCode()).isEqualTo(403);
        assertThat(pages.get(driver.pageId(page)).isAcknowledged()).isFalse();
    }

    @Test
    void apiAcknowledgementByAPagedPersonIsIdempotentAndOthersAreRefused() {
        user("alice");
        user("mallory");
        String pageId = driver.pageId(page);

        ResponseEntity<JsonNode> refused = anonymous.withBasicAuth("mallory", "pw")
                .postForEntity("/api/pages/" + pageId + "/acknowledgement", null, JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody().get("detail").asText())
                .isEqualTo("User 'mallory' was not paged by page " + pageId + " and is not a member of group erp-team");
        assertThat(pages.get(pageId).isAcknowledged()).isFalse();

        TestRestTemplate alice = anonymous.withBasicAuth("alice", "pw");
        ResponseEntity<JsonNode> first = alice.postForEntity("/api/pages/" + pageId + "/acknowledgement", null, JsonNode.class);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody().get("recorded").asBoolean()).isTrue();
        assertThat(first.getBody().get("state").asText()).isEqualTo("acknowledged");
        assertThat(first.getBody().get("acknowledgedVia").asText()).isEqualTo("api");
        assertThat(page).isEnded();

        ResponseEntity<JsonNode> second = alice.postForEntity("/api/pages/" + pageId + "/acknowledgement", null, JsonNode.class);
        assertThat(second.getBody().get("recorded").asBoolean()).isFalse();
        assertThat(second.getBody().get("acknowledgedAt").asText()).isEqualTo(first.getBody().get("acknowledgedAt").asText());
    }

    @Test
    void notificationLogShowsEveryMessageWithItsAcknowledgementAndAuditorsMayReadIt() {
        user("auditor-ann", "auditors");
        pages.acknowledgeMessage(driver.messages(page).get(1).getMessageKey());
        String incidentId = pages.get(driver.pageId(page)).getIncidentId();

        ResponseEntity<JsonNode> log = anonymous.withBasicAuth("auditor-ann", "pw")
                .getForEntity("/api/incidents/" + incidentId + "/notifications", JsonNode.class);

        assertThat(log.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(log.getBody()).hasSize(3).allSatisfy(n -> {
            assertThat(n.get("recipient").asText()).isEqualTo("alice");
            assertThat(n.get("template").asText()).isEqualTo("paged");
            assertThat(n.get("status").asText()).isEqualTo("pending");
            assertThat(n.get("pageLevel").asInt()).isEqualTo(1);
            assertThat(n.get("acknowledgedBy").asText()).isEqualTo("alice");
            assertThat(n.get("acknowledgedAt").asText()).isEqualTo("2026-03-02T10:00:00Z");
        });
        assertThat(log.getBody()).extracting(n -> n.get("channel").asText()).containsExactly("sms", "chat", "email");
        assertThat(anonymous.withBasicAuth("auditor-ann", "pw")
                .getForEntity("/api/incidents/INC-999999/notifications", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void generatedSigningKeyIsKeptInTheDatabaseSoLinksSurviveARestart() {
        AckTokens afterRestart = new AckTokens(properties, jdbc, transactions);

        String token = link.substring(link.indexOf("/ack/") + 5);
        assertThat(afterRestart.verify(token).messageKey()).isEqualTo(driver.messages(page).get(0).getMessageKey());
        assertThat(jdbc.queryForObject("select count(*) from app_secret where name = 'ack-signing-key'", Integer.class))
                .isEqualTo(1);
    }

    private void user(String id, String... groups) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setPassword("pw");
            identity.saveUser(user);
            for (String group : groups.length == 0 ? new String[] {"service-desk"} : groups) {
                identity.createMembership(id, group);
            }
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
