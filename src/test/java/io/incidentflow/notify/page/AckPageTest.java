package io.incidentflow.notify.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.IncidentFlowTest;
import io.incidentflow.incident.Level;
import io.incidentflow.incident.process.IncidentDriver;
import io.incidentflow.notify.Notification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The acknowledgement page shows the paged incident's title as text, never as markup. */
@IncidentFlowTest
class AckPageTest {

    @LocalServerPort int port;
    @Autowired PageDriver driver;
    @Autowired IncidentDriver incidents;

    @Test
    void aTitleWithMarkupIsShownEscaped() throws Exception {
        String incidentId = incidents.log("erp", Level.LOW, Level.LOW).getId();
        ProcessInstance page = driver.page(incidentId, "erp-team", "<script>alert(\"ERP & 'invoices'\")</script>");
        driver.pageNextLevel(page);
        Notification sms = driver.messages(page).get(0);
        String link = sms.getShortText().substring(sms.getShortText().indexOf("/ack/"));

        HttpResponse<String> shown = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + link)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("&lt;script&gt;alert(&quot;ERP &amp; &#39;invoices&#39;&quot;)&lt;/script&gt;")
                .doesNotContain("<script>");
    }
}
