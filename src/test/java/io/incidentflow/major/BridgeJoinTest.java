package io.incidentflow.major;

import static io.incidentflow.major.MajorIncidentModel.TASK_SITUATIONAL_ANALYSIS;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.EngineClockExtension;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.incident.IncidentEvent;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.incident.Level;
import io.incidentflow.incident.process.IncidentDriver;
import io.incidentflow.notify.AckTokens;
import io.incidentflow.notify.Audience;
import io.incidentflow.notify.Notification;
import io.incidentflow.notify.NotificationRepository;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The personal bridge join link of a major incident's announcement, over real HTTP. */
@IncidentFlowTest
class BridgeJoinTest {

    @RegisterExtension final EngineClockExtension clock = EngineClockExtension.startingAt(ACTIVATED);

    static final Instant ACTIVATED = Instant.parse("2026-05-04T08:00:00Z");

    @LocalServerPort int port;
    @Autowired IncidentDriver driver;
    @Autowired IncidentService incidents;
    @Autowired NotificationRepository notifications;
    @Autowired AckTokens tokens;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String incidentId;

    /** payments (its own technical bridge in the test configuration) becomes an active major incident. */
    @BeforeEach
    void activateAMajorIncident() {
        incidentId = driver.log("payments", Level.HIGH, Level.HIGH).getId();
        driver.complete(driver.task(MajorIncidentModel.PROCESS_KEY, incidentId, TASK_SITUATIONAL_ANALYSIS),
                Map.of("triageDecision", "activate", "triageNotes", "Card payments fail everywhere"));
    }


    @Test
    void theLinkRecordsTheFirstJoinAndRedirectsToTheServicesBridge() throws Exception {
        String link = joinLink("paula", Audience.TECHNICAL);
        at(ACTIVATED.plus(Duration.ofMinutes(3)));

        HttpResponse<String> joined = get(link);

        assertThat(joined.statusCode()).isEqualTo(302);
        assertThat(joined.headers().firstValue("Location")).hasValue("https://meet.example.com/payments-war-room");
        at(ACTIVATED.plus(Duration.ofMinutes(9)));
        assertThat(get(link).statusCode()).as("opened again").isEqualTo(302);
        assertThat(joins()).singleElement().satisfies(join -> {
            assertThat(join.getActor()).isEqualTo("paula");
            assertThat(join.getOccurredAt()).isEqualTo(ACTIVATED.plus(Duration.ofMinutes(3)));
            assertThat(join.getDetail()).isEqualTo("Joined the technical bridge");
        });
    }

    @Test
    void aBridgeThatIsNoWebAddressIsShownNotRedirectedTo() throws Exception {
        HttpResponse<String> joined = get(joinLink("business-stakeholders", Audience.BUSINESS));

        // the general business bridge of the configuration is a text, not a link
        assertThat(joined.statusCode()).isEqualTo(200);
        assertThat(joined.headers().firstValue("Location")).isEmpty();
        assertThat(joined.body()).contains("Business bridge - set MAJOR_BUSINESS_BRIDGE");
        assertThat(joins()).extracting(IncidentEvent::getActor, IncidentEvent::getDetail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("business-stakeholders", "Joined the business bridge"));
    }

    @Test
    void forgedLinksAreRefusedAndRecordNothing() throws Exception {
        String link = joinLink("paula", Audience.TECHNICAL);
        String token = link.substring(link.indexOf("/join/") + 6);
        String otherSignature = token.substring(0, token.indexOf('.') + 1) + "AAAA" + token.substring(token.indexOf('.') + 5);
        String messageKey = tokens.verify(AckTokens.Purpose.JOIN_BRIDGE, token).messageKey();
        // a valid acknowledgement token of the same message is not a join token
        String ackToken = tokens.issue(messageKey);

        for (String forged : List.of(otherSignature, "bm90LWEtdG9rZW4", token.substring(0, token.length() - 3), ackToken)) {
            HttpResponse<String> refused = get(link.replace(token, forged));
            assertThat(refused.statusCode()).as(forged).isEqualTo(403);
            assertThat(refused.headers().firstValue("Location")).isEmpty();
            assertThat(refused.body()).contains("not valid", "Nothing was recorded");
        }
        assertThat(joins()).isEmpty();
    }

    @Test
    void anExpiredLinkIsRefusedAndRecordsNothing() throws Exception {
        String link = joinLink("paula", Audience.TECHNICAL);
        at(ACTIVATED.plus(Duration.ofHours(24)));

        HttpResponse<String> refused = get(link);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("expired at 2026-05-05T08:00:00Z");
        assertThat(joins()).isEmpty();
    }

    /** The person's link from their bridge announcement, aimed at the test server. */
    private String joinLink(String recipient, Audience audience) {
        Notification message = notifications.findByIncidentIdOrderByIdAsc(incidentId).stream()
                .filter(n -> "bridge-opened".equals(n.getTemplate()) && recipient.equals(n.getRecipient())
                        && n.getAudience() == audience)
                .findFirst().orElseThrow();
        String text = message.getShortText();
        assertThat(text).doesNotContain("meet.example.com");
        String path = text.substring(text.indexOf("/join/")).trim();
        return "http://localhost:" + port + path;
    }

    private List<IncidentEvent> joins() {
        return incidents.timeline(incidentId).stream().filter(e -> e.getType().equals("BRIDGE_JOINED")).toList();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private void at(Instant instant) {
        clock.set(instant);
    }
}
