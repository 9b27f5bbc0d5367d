package io.incidentflow.major;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.IncidentFlowTest;
import io.incidentflow.incident.Level;
import io.incidentflow.incident.process.IncidentDriver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The public status page shows what the communications lead wrote as text, never as markup. */
@IncidentFlowTest
class StatusPageTest {

    static final String HOSTILE = "<script>alert(\"pay & 'go'\")</script>";

    @Autowired TestRestTemplate anonymous;
    @Autowired IncidentDriver driver;

    @Test
    void anUpdateWithMarkupIsShownEscaped() {
        String id = driver.log("payments", Level.HIGH, Level.HIGH).getId();
        driver.complete(driver.task(MajorIncidentModel.PROCESS_KEY, id, MajorIncidentModel.TASK_SITUATIONAL_ANALYSIS),
                Map.of("triageDecision", "activate"));
        driver.fire(id, MajorIncidentModel.EVENT_STAKEHOLDER_UPDATE_DUE);
        driver.complete(driver.task(MajorIncidentModel.PROCESS_KEY, id, MajorIncidentModel.TASK_WRITE_STAKEHOLDER_UPDATE),
                Map.of("updateTechnicalStaff", "t", "updateBusiness", "b", "updateKeyCustomers", "k",
                        "updateImpactedUsers", HOSTILE));

        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> page = anonymous.exchange("/status", HttpMethod.GET, new HttpEntity<>(headers), String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.getBody()).contains("(" + id + ")")
                .contains("&lt;script&gt;alert(&quot;pay &amp; &#39;go&#39;&quot;)&lt;/script&gt;")
                .doesNotContain("<script>");
    }
}
