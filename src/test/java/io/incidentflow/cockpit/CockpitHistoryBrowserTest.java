package io.incidentflow.cockpit;

import static io.incidentflow.incident.process.IncidentModel.TASK_CONFIRM_WITH_CALLER;
import static io.incidentflow.incident.process.IncidentModel.TASK_INITIAL_DIAGNOSIS;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidentflow.HeadlessChromium;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.TestUsers;
import io.incidentflow.incident.IncidentState;
import io.incidentflow.incident.Level;
import io.incidentflow.incident.process.IncidentDriver;
import io.incidentflow.incident.process.IncidentModel;
import io.incidentflow.security.IdentitySetup;
import io.incidentflow.security.Roles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Cockpit history plugin in a real headless Chromium: an auditor finds a closed incident by its business key on
 * the incident process's definition page, opens its history page, reads the activity log, the diagram with the
 * path taken and the incident timeline,
 * and is offered nothing that writes; a Cockpit user without read rights sees nothing of it. Skipped with a printed
 * line without Chromium ({@link HeadlessChromium}). Screenshots: {@code target/cockpit-history.png},
 * {@code target/cockpit-history-diagram.png}.
 */
@IncidentFlowTest
class CockpitHistoryBrowserTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final Path PLUGIN = Paths.get("src/main/resources/META-INF/resources/webjars/camunda/app/cockpit/scripts/incidentflow-history.js");

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired AuthorizationService authorizations;
    @Autowired HistoryService history;
    @Autowired IncidentDriver driver;

    HeadlessChromium chromium;
    WebDriver browser;
    WebDriverWait wait;
    String agent;
    String incidentId;
    HistoricProcessInstance closed;

    @BeforeAll
    static void browserIsInstalled() {
        HeadlessChromium.installedOrSkip("CockpitHistoryBrowserTest");
    }

    @BeforeEach
    void closedIncidentAndBrowser() throws IOException {
        agent = TestUsers.ensure(identity, "desk-" + UUID.randomUUID().toString().substring(0, 8), Roles.SERVICE_DESK);
        incidentId = driver.log("erp", Level.MEDIUM, Level.MEDIUM).getId();
        driver.claim(incidentId, TASK_INITIAL_DIAGNOSIS, agent);
        driver.resolveAtLevel1(incidentId, "fix");
        driver.complete(incidentId, TASK_CONFIRM_WITH_CALLER, Map.of("callerAnswer", "restored"));
        assertThat(driver.incident(incidentId).getState()).isEqualTo(IncidentState.CLOSED);
        closed = history.createHistoricProcessInstanceQuery().processDefinitionKey(IncidentModel.PROCESS_KEY)
                .processInstanceBusinessKey(incidentId).finished().singleResult();
        assertThat(closed).isNotNull();

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
    void auditorFindsAClosedIncidentAndReadsItsHistory() throws IOException {
        logIn(TestUsers.ensure(identity, "auditor-" + UUID.randomUUID().toString().substring(0, 8), Roles.AUDITORS));

        // The incident process's definition page: "Finished instances", searched by the business key.
        browser.get(cockpit("#/process-definition/" + closed.getProcessDefinitionId() + "/runtime"));
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='Finished instances']"))).click();
        WebElement key = visible(
                By.cssSelector(".incidentflow-search input[name='businessKey']"));
        key.sendKeys(incidentId);
        browser.findElement(By.cssSelector(".incidentflow-search button[type='submit']")).click();
        By row = By.xpath("//table[contains(@class,'incidentflow-finished-instances')]//tr[td/a[normalize-space()='"
                + incidentId + "']]");
        WebElement found = visible(row);
        assertThat(found.getText()).contains("Incident closed", "COMPLETED");
        assertThat(browser.findElements(By.cssSelector("table.incidentflow-finished-instances tbody tr"))).hasSize(1);
        assertThat(viewerRequests()).as("the diagram viewer is loaded by the history page only").isZero();

        // Its history page: the activity log (with who worked the diagnosis) ...
        found.findElement(By.cssSelector("a.incidentflow-history-link")).click();
        wait.until(ExpectedConditions.urlContains("#/history/process-instance/" + closed.getId()));
        WebElement log = visible(By.cssSelector("table.incidentflow-activity-log"));
        assertThat(log.getText()).contains("Initial diagnosis (level 1)", agent, "Confirm restoration with the caller",
                "Incident closed");
        assertThat(browser.findElement(By.cssSelector(".incidentflow-instance-header")).getText())
                .contains(incidentId, "COMPLETED");

        // ... the diagram with the path: the diagnosis done once, marked and counted; nothing still running ...
        browser.findElement(By.cssSelector("a.incidentflow-tab-path")).click();
        visible(By.cssSelector(".incidentflow-diagram svg"));
        WebElement diagnosis = visible(By.cssSelector(".incidentflow-diagram .djs-element[data-element-id='"
                + TASK_INITIAL_DIAGNOSIS + "']"));
        assertThat(diagnosis.getDomAttribute("class")).contains("if-done");
        assertThat(visible(By.cssSelector(".djs-overlays[data-container-id='" + TASK_INITIAL_DIAGNOSIS
                + "'] .if-done-count")).getText()).isEqualTo("1");
        assertThat(browser.findElements(By.cssSelector(".incidentflow-diagram .if-running"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("table.incidentflow-path")).getText())
                .contains("Initial diagnosis (level 1)");
        // the bpmn.io license wants its watermark visible
        assertThat(browser.findElement(By.cssSelector(".incidentflow-diagram .bjs-powered-by")).isDisplayed()).isTrue();
        screenshot(Paths.get("target", "cockpit-history-diagram.png"));
        // the activity log and the path share one read of the activity history; the viewer is loaded once
        browser.findElement(By.cssSelector("a.incidentflow-tab-activities")).click();
        visible(By.cssSelector("table.incidentflow-activity-log"));
        browser.findElement(By.cssSelector("a.incidentflow-tab-path")).click();
        visible(By.cssSelector(".incidentflow-diagram svg"));
        assertThat(resourceRequests("/history/activity-instance?processInstanceId=" + closed.getId() + "&sortBy=startTime")).isEqualTo(1);
        assertThat(viewerRequests()).isEqualTo(1);

        // ... and the app's timeline of the incident.
        browser.findElement(By.cssSelector("a.incidentflow-tab-timeline")).click();
        WebElement timeline = visible(By.cssSelector("table.incidentflow-timeline"));
        assertThat(timeline.getText()).contains("LOGGED", "RESOLVED", "CLOSED");
        screenshot(Paths.get("target", "cockpit-history.png"));

        // Nothing on the page writes: no form, no button, no field; links only go to other read-only pages.
        WebElement page = browser.findElement(By.cssSelector(".incidentflow-history-page"));
        assertThat(page.findElements(By.cssSelector("form, button, input, select, textarea"))).isEmpty();
        List<String> targets = page.findElements(By.tagName("a")).stream().map(a -> a.getDomAttribute("href")).toList();
        assertThat(targets).allMatch(href -> href.isEmpty() || href.startsWith("#/history/process-instance/")
                || href.startsWith("#/process-definition/"));
        // and the plugin itself never sends anything but GET
        assertThat(Files.readString(PLUGIN)).doesNotContainPattern("(?i)method:\\s*'(post|put|patch|delete)'")
                .contains("method: 'GET'");
    }

    @Test
    void aRunningInstancePageHasTheHistoryTab() {
        String open = driver.log("erp", Level.MEDIUM, Level.MEDIUM).getId();
        logIn(TestUsers.ensure(identity, "auditor-" + UUID.randomUUID().toString().substring(0, 8), Roles.AUDITORS));

        browser.get(cockpit("#/process-instance/" + driver.instance(open).getId() + "/runtime"));
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='History']"))).click();
        WebElement path = visible(By.cssSelector(".incidentflow-instance-history table.incidentflow-activity-log"));
        assertThat(path.getText()).contains("Initial diagnosis (level 1)").doesNotContain("Incident closed");
        assertThat(browser.findElement(By.cssSelector(".incidentflow-instance-header")).getText()).contains(open, "ACTIVE");

        // On the diagram the diagnosis waiting for an agent is marked running, with no completion count.
        browser.findElement(By.cssSelector("a.incidentflow-tab-path")).click();
        WebElement diagnosis = visible(By.cssSelector(".incidentflow-diagram .djs-element[data-element-id='"
                + TASK_INITIAL_DIAGNOSIS + "']"));
        assertThat(diagnosis.getDomAttribute("class")).contains("if-running").doesNotContain("if-done");
        assertThat(browser.findElements(By.cssSelector(".djs-overlays[data-container-id='" + TASK_INITIAL_DIAGNOSIS
                + "'] .if-done-count"))).isEmpty();
    }

    @Test
    void withoutReadRightsThePluginShowsNothing() {
        String outsider = TestUsers.ensure(identity, "outsider-" + UUID.randomUUID().toString().substring(0, 8));
        Authorization cockpitOnly = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        cockpitOnly.setUserId(outsider);
        cockpitOnly.setResource(Resources.APPLICATION);
        cockpitOnly.setResourceId(IdentitySetup.COCKPIT);
        cockpitOnly.addPermission(Permissions.ACCESS);
        authorizations.saveAuthorization(cockpitOnly);
        logIn(outsider);

        browser.get(cockpit("#/history/process-instance/" + closed.getId()));
        WebElement page = visible(By.cssSelector(".incidentflow-history-page"));
        visible(By.cssSelector(".incidentflow-history-page .incidentflow-error"));
        assertThat(page.getText()).doesNotContain(incidentId, "Initial diagnosis", "LOGGED");
        assertThat(page.findElements(By.cssSelector("table"))).isEmpty();
    }

    /** Waits for the element; on timeout the failure shows what the page says instead (e.g. the plugin's error). */
    private WebElement visible(By locator) {
        try {
            return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
        } catch (TimeoutException e) {
            throw new AssertionError("no " + locator + " on " + browser.getCurrentUrl() + "; the page says: "
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    /** How often this page loaded the bpmn-js viewer (Resource Timing: every request since the page was opened). */
    private long viewerRequests() {
        return resourceRequests("bpmn-navigated-viewer.production.min.js");
    }

    private long resourceRequests(String urlPart) {
        Object count = ((JavascriptExecutor) browser).executeScript("return performance.getEntriesByType('resource')"
                + ".filter(entry => entry.name.includes(arguments[0])).length", urlPart);
        return ((Number) count).longValue();
    }

    private void logIn(String userId) {
        browser.get(cockpit(""));
        WebElement username = visible(
                By.cssSelector("input[ng-model='username']"));
        username.sendKeys(userId);
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(TestUsers.password(userId));
        browser.findElement(By.cssSelector("form button[type='submit']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
        // Cockpit's own requests fill the default 250 timing entries; the tests count later ones (routes change the
        // hash only, so this page stays loaded).
        ((JavascriptExecutor) browser).executeScript("performance.setResourceTimingBufferSize(10000)");
    }

    private String cockpit(String route) {
        return "http://localhost:" + port + "/camunda/app/cockpit/default/" + route;
    }

    private void screenshot(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
