package io.incidentflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.HeadlessChromium;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.TestUsers;
import io.incidentflow.security.Roles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What a service-desk agent sees in Tasklist without the demo profile: the "Service desk" filter the app
 * created, listing the incidents' tasks with their incident id, title and task priority, the P1 task above a
 * P3 task logged after it. A screenshot of the list is written to {@code target/tasklist-service-desk-filter.png}.
 */
@IncidentFlowTest
class TasklistFiltersBrowserTest {

    /** Generous: Tasklist loads its scripts slowly on a busy build machine. */
    static final Duration WAIT = Duration.ofSeconds(120);

    @LocalServerPort int port;
    @Autowired TestRestTemplate anonymous;
    @Autowired IdentityService identity;

    String agent;
    String password;
    HeadlessChromium chromium;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeAll
    static void browserIsInstalled() {
        HeadlessChromium.installedOrSkip("TasklistFiltersBrowserTest");
    }

    @BeforeEach
    void agentAndBrowser() throws IOException {
        agent = TestUsers.ensure(identity, "desk-" + UUID.randomUUID().toString().substring(0, 8),
                Roles.SERVICE_DESK);
        password = TestUsers.password(agent);

        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        wait = new WebDriverWait(browser, WAIT);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void serviceDeskFilterShowsTheIncidentsAndListsTheP1TaskFirst() throws IOException {
        // The P3 is the newer task: Tasklist's own default sort (newest first) would list it on top, only the
        // filter's priority order puts the P1 above it.
        String p1 = logIncident("Month-end close blocked for the CFO", "high", true);
        String p3 = logIncident("Invoices stuck in approval", "medium", false);

        logIn();
        By serviceDesk = By.xpath("//div[contains(@class,'task-filter')]//h4[contains(@class,'name')]"
                + "/a[normalize-space(text())='"
                + TasklistFilters.filterName(Roles.SERVICE_DESK) + "']");
        wait.until(ExpectedConditions.elementToBeClickable(serviceDesk)).click();
        By cards = By.cssSelector("ol.tasks-list > li");
        // Tasklist redraws the list as it refreshes: read all cards in one go, again when one went stale.
        List<String> texts = untilOrKeepThePage("cards", wait.withMessage("the cards of both incidents")
                .ignoring(StaleElementReferenceException.class), driver -> {
                    List<String> read = cardTexts(cards);
                    return indexOfCardWith(read, p1) >= 0 && indexOfCardWith(read, p3) >= 0 ? read : null;
                });
        int p1Card = indexOfCardWith(texts, p1);
        int p3Card = indexOfCardWith(texts, p3);
        screenshot(Paths.get("target", "tasklist-service-desk-filter.png"));
        assertThat(p1Card).as("P1 card above the P3 card in %s", texts).isLessThan(p3Card);
        // A card shows its first two filter variables (incident, title) and the task priority; the incident
        // priority is behind the card's expand arrow.
        assertThat(texts.get(p1Card)).contains("Initial diagnosis (level 1)", p1,
                "Month-end close blocked for the CFO", "100");
        assertThat(texts.get(p3Card)).contains(p3, "Invoices stuck in approval", "60");
        assertThat(browser.findElements(By.xpath("//div[contains(@class,'task-filter')]//h4/a[normalize-space(text())='"
                + TasklistFilters.filterName(Roles.TRIAGE_TEAM) + "']"))).isEmpty();
    }

    private String logIncident(String title, String urgency, boolean vipCaller) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = """
                {"title":"%s","description":"Since 10:02","caller":"jane.doe","vipCaller":%s,
                 "serviceId":"erp","category":"software","impact":"medium","urgency":"%s"}"""
                .formatted(title, vipCaller, urgency);
        ResponseEntity<JsonNode> created = anonymous.withBasicAuth(agent, password)
                .postForEntity("/api/incidents", new HttpEntity<>(body, headers), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created.getBody().get("id").asText();
    }

    private void logIn() throws IOException {
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
        WebElement username = untilOrKeepThePage("login", wait,
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
        username.sendKeys(agent);
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type='submit']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filters")));
    }

    private List<String> cardTexts(By cards) {
        return browser.findElements(cards).stream().map(WebElement::getText).toList();
    }

    /** The card naming this incident, not one whose id merely starts with it (INC-1 in INC-12). */
    private static int indexOfCardWith(List<String> texts, String incidentId) {
        Pattern wholeId = Pattern.compile("(?<![\\w-])" + Pattern.quote(incidentId) + "(?![\\w-])");
        for (int i = 0; i < texts.size(); i++) {
            if (wholeId.matcher(texts.get(i)).find()) {
                return i;
            }
        }
        return -1;
    }

    /** Waits for the condition; when it never comes, keeps what the browser showed for whoever reads the failure. */
    private <T> T untilOrKeepThePage(String step, FluentWait<WebDriver> wait, Function<WebDriver, T> condition)
            throws IOException {
        try {
            return wait.until(condition);
        } catch (TimeoutException e) {
            screenshot(Paths.get("target", "tasklist-" + step + "-failed.png"));
            Files.writeString(Paths.get("target", "tasklist-" + step + "-failed.html"), browser.getPageSource());
            throw e;
        }
    }

    private void screenshot(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
