package io.incidentflow.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentflow.EngineClockExtension;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.incident.Level;
import io.incidentflow.incident.process.IncidentDriver;
import io.incidentflow.notify.TestChannelServers.Received;
import io.incidentflow.notify.delivery.DeliveryVariables;
import io.incidentflow.notify.delivery.NotificationDelivery;
import io.incidentflow.notify.delivery.NotificationService;
import io.incidentflow.notify.delivery.Recipients;
import io.incidentflow.notify.oncall.Person;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Every channel against a real server: GreenMail SMTP, and an HTTP server for the chat webhook and SMS gateway. */
@IncidentFlowTest
class NotificationChannelsTest {

    @RegisterExtension final EngineClockExtension clock = EngineClockExtension.startingAt(MONDAY);

    /** Monday 2026-03-02, 11:00 in Berlin: alice is on call for erp-team at level 1, carol at level 2. */
    static final Instant MONDAY = Instant.parse("2026-03-02T10:00:00Z");

    @Autowired NotificationService notifications;
    @Autowired NotificationDelivery delivery;
    @Autowired NotificationDriver driver;
    @Autowired IncidentDriver incidents;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired PlatformTransactionManager transactions;

    private final TestChannelServers.Gateway gateway = TestChannelServers.gateway();
    private final ObjectMapper json = new ObjectMapper();
    private String incidentId;

    @BeforeEach
    void setUp() throws Exception {
        TestChannelServers.mail().purgeEmailFromAllMailboxes();
        gateway.reset();
        incidentId = incidents.log("erp", Level.LOW, Level.LOW).getId();
    }


    @Test
    void emailAndChatReachTheirServersWithTheEventsTemplate() throws Exception {
        List<Notification> sent = notifications.send(incidentId, Recipients.onCall("erp-team"), NotificationEvent.RESOLVED,
                Map.of("summary", "ERP invoices fail", "resolution", "Restarted the interface"));

        // alice has a chat handle and an email address, carol only an email address
        assertThat(sent).extracting(Notification::getRecipient, Notification::getChannel, Notification::getStatus)
                .containsExactly(
                        tuple("alice", Channel.CHAT, DeliveryStatus.PENDING),
                        tuple("alice", Channel.EMAIL, DeliveryStatus.PENDING),
                        tuple("carol", Channel.EMAIL, DeliveryStatus.PENDING));
        driver.deliverAll(incidentId);

        MimeMessage[] mails = TestChannelServers.mail().getReceivedMessages();
        assertThat(mails).hasSize(2);
        MimeMessage toAlice = List.of(mails).stream()
                .filter(m -> address(m).equals("alice@example.com")).findFirst().orElseThrow();
        assertThat(toAlice.getSubject()).isEqualTo("[" + incidentId + "] Resolved: ERP invoices fail");
        assertThat(((String) toAlice.getContent()).replace("\r\n", "\n"))
                .contains("Hello Alice Example,", "incident " + incidentId + " (ERP invoices fail) is resolved:",
                        "Restarted the interface");
        assertThat(toAlice.getMessageID()).isEqualTo("<" + sent.get(1).getMessageKey() + "@incidentflow>");
        assertThat(toAlice.getFrom()[0].toString()).isEqualTo("incidentflow@localhost");

        assertThat(gateway.received("/chat")).singleElement().satisfies(chat -> {
            assertThat(chat.contentType()).startsWith("application/json");
            assertThat(chat.idempotencyKey()).isEqualTo(sent.get(0).getMessageKey());
            assertThat(json.readTree(chat.body()).get("text").asText())
                    .isEqualTo("@alice " + incidentId + " resolved: Restarted the interface");
        });
        assertThat(driver.of(incidentId)).allSatisfy(n -> {
            assertThat(n.getStatus()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(n.getDeliveredAt()).isEqualTo(MONDAY);
            assertThat(n.getAttempts()).isEqualTo(1);
        });
    }

    @Test
    void smsGatewayReceivesTheConfiguredBodyWithJsonEscapedText() throws Exception {
        List<Notification> sent = notifications.send(incidentId, Recipients.leadOf("erp-team"), NotificationEvent.PROBLEM_REMINDER,
                Map.of("summary", "x", "problemId", "PRB-000001", "workaround", "Restarted", "openedAt", "today"));
        assertThat(sent).extracting(Notification::getChannel).containsExactly(Channel.EMAIL);

        Person onCall = new Person("zoe", "Zoë \"Z\" Example", null, "+15550109999", null);
        Notification sms = notifications.send(incidentId, Recipients.people(List.of(onCall)), NotificationEvent.DR_INVOKED,
                Map.of("summary", "Data centre \"A\" flooded", "service", "erp", "recoveryOption", "warm standby",
                        "targetRto", "PT4H")).get(0);
        assertThat(sms.getChannel()).isEqualTo(Channel.SMS);
        driver.deliverAll(incidentId);

        Received received = gateway.received("/sms").get(0);
        JsonNode body = json.readTree(received.body());
        assertThat(body.get("to").asText()).isEqualTo("+15550109999");
        assertThat(body.get("text").asText())
                .isEqualTo("DR invoked for erp (warm standby, RTO PT4H): Data centre \"A\" flooded");
        assertThat(body.get("reference").asText()).isEqualTo(sms.getMessageKey());
    }

    @Test
    void webhookFailingTwiceIsRetriedAndDeliveredExactlyOnce() throws Exception {
        gateway.answer("/chat", 500, 500);
        Notification chat = chatMessageToAlice();

        assertThat(driver.attempt(chat)).hasValueSatisfying(e -> assertThat(e).hasMessageContaining("chat gateway answered 500"));
        Notification failed = driver.reload(chat);
        assertThat(failed.getStatus()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.getFailureReason()).contains("chat gateway answered 500", "gateway down");
        // retried on the configured cycle (R5/PT1M): four retries left, the next one a minute later
        Job retry = driver.job(chat);
        assertThat(retry.getRetries()).isEqualTo(4);
        assertThat(retry.getDuedate().toInstant()).isEqualTo(MONDAY.plusSeconds(60));

        assertThat(driver.attempt(chat)).isPresent();
        assertThat(driver.attempt(chat)).isEmpty();

        Notification delivered = driver.reload(chat);
        assertThat(delivered.getStatus()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivered.getAttempts()).isEqualTo(3);
        assertThat(delivered.getFailureReason()).isNull();
        assertThat(gateway.received("/chat")).hasSize(3)
                .extracting(Received::idempotencyKey).containsOnly(chat.getMessageKey());
        // a job that runs again (e.g. its node crashed before the engine recorded the success) sends nothing
        delivery.deliver(chat.getMessageKey());
        assertThat(gateway.received("/chat")).hasSize(3);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(DeliveryVariables.PROCESS_KEY)
                .variableValueEquals("messageKey", chat.getMessageKey()).count()).isZero();
    }

    @Test
    void deliveryRecordedBeforeItsJobRolledBackIsNotSentAgain() {
        Notification chat = chatMessageToAlice();

        TransactionTemplate job = new TransactionTemplate(transactions);
        job.executeWithoutResult(tx -> {
            delivery.deliver(chat.getMessageKey());
            tx.setRollbackOnly(); // the job fails after the message went out
        });
        assertThat(driver.reload(chat).getStatus()).isEqualTo(DeliveryStatus.DELIVERED);

        assertThat(driver.attempt(chat)).isEmpty();
        assertThat(gateway.received("/chat")).hasSize(1);
    }

    @Test
    void failingChannelEndsAsCockpitIncidentWhileTheOtherChannelsDeliver() {
        gateway.answer("/sms", 503, 503, 503, 503, 503, 503);
        List<Notification> sent = notifications.send(incidentId, Recipients.people(List.of(
                        new Person("yann", "Yann", "yann@example.com", "+15550108888", "@yann"))),
                NotificationEvent.DR_INVOKED, Map.of("summary", "Flood", "service", "erp", "recoveryOption", "warm",
                        "targetRto", "PT4H"));
        assertThat(sent).extracting(Notification::getChannel).containsExactly(Channel.SMS, Channel.CHAT, Channel.EMAIL);
        Notification sms = sent.get(0);

        for (int attempt = 0; attempt < 6; attempt++) {
            assertThat(driver.attempt(sms)).isPresent();
        }
        assertThat(driver.attempt(sent.get(1))).isEmpty();
        assertThat(driver.attempt(sent.get(2))).isEmpty();

        Incident cockpit = runtime.createIncidentQuery().processInstanceId(driver.job(sms).getProcessInstanceId())
                .singleResult();
        assertThat(cockpit.getActivityId()).isEqualTo(DeliveryVariables.TASK_DELIVER);
        assertThat(cockpit.getIncidentMessage()).contains("sms gateway answered 503");
        assertThat(driver.reload(sms).getStatus()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(driver.reload(sent.get(1)).getStatus()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(driver.reload(sent.get(2)).getStatus()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(gateway.received("/sms")).hasSize(6);

        // retried from Cockpit once the gateway works again
        management.setJobRetries(driver.job(sms).getId(), 1);
        assertThat(driver.attempt(sms)).isEmpty();
        assertThat(driver.reload(sms).getStatus()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void personWithoutAnAddressOnTheEventsChannelsGetsTheOutbox() {
        List<Notification> sent = notifications.send(incidentId,
                Recipients.people(List.of(new Person("walk-in", "Walk-in", null, null, null))),
                NotificationEvent.PROBLEM_REMINDER, Map.of("summary", "x", "problemId", "PRB-000001",
                        "workaround", "Restarted", "openedAt", "Monday"));

        assertThat(sent).singleElement().satisfies(n -> {
            assertThat(n.getChannel()).isEqualTo(Channel.OUTBOX);
            assertThat(n.getStatus()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(n.getSubject()).isEqualTo("[PRB-000001] still open: workaround in place since Monday");
        });
    }

    @Test
    void missingOrUnknownVariableIsRefusedAndNothingIsSent() {
        int before = driver.of(incidentId).size();

        assertThatThrownBy(() -> notifications.send(incidentId, Recipients.onCall("erp-team"), NotificationEvent.RESOLVED,
                Map.of("summary", "x", "resolutoin", "typo")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing or null: [resolution]").hasMessageContaining("not of this event: [resolutoin]");
        assertThat(driver.of(incidentId)).hasSize(before);
    }

    private Notification chatMessageToAlice() {
        return notifications.send(incidentId, Recipients.people(List.of(new Person("alice", "Alice Example", null, null,
                "@alice"))), NotificationEvent.BRIDGE_OPENED, Map.of("summary", "ERP down", "bridge", "technical",
                "bridgeUrl", "https://meet.example.com/erp")).get(0);
    }

    private static String address(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
