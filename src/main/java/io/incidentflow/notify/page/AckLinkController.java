package io.incidentflow.notify.page;

import io.incidentflow.common.NotFoundException;
import io.incidentflow.notify.AckTokens.InvalidTokenException;
import io.incidentflow.notify.AckTokens;
import io.incidentflow.notify.Notification;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The acknowledgement link of a paged message. Opening it (GET) only shows the page and a button: mail
 * and chat link scanners open links, and must not acknowledge for the person. The button POSTs to the
 * same link, which acknowledges. A forged, damaged or expired link is refused with 403 and changes nothing.
 */
@RestController
@Hidden
public class AckLinkController {

    private final AckTokens tokens;
    private final PageService pages;

    public AckLinkController(AckTokens tokens, PageService pages) {
        this.tokens = tokens;
        this.pages = pages;
    }

    @GetMapping(value = "/ack/{token}", produces = MediaType.TEXT_HTML_VALUE)
    public String confirm(@PathVariable String token) {
        Notification message = pages.message(tokens.verify(token).messageKey());
        Page page = pages.get(message.getPageId());
        if (page.isAcknowledged()) {
            return html("Already acknowledged", already(page));
        }
        return html("Acknowledge page", "<p>" + esc(message.getSubject()) + "</p>"
                + "<p>Incident " + esc(page.getIncidentId()) + ", group " + esc(page.getGroupId()) + ", level "
                + message.getPageLevel() + ", paged " + esc(message.getRecipient()) + ".</p>"
                + "<form method=\"post\">"
                + "<button type=\"submit\">Acknowledge: I am on it</button></form>");
    }

    @PostMapping(value = "/ack/{token}", produces = MediaType.TEXT_HTML_VALUE)
    public String acknowledge(@PathVariable String token) {
        PageService.Acknowledgement ack = pages.acknowledgeMessage(tokens.verify(token).messageKey());
        Page page = ack.page();
        if (!ack.recorded()) {
            return html("Already acknowledged", already(page) + "<p>Nothing was changed.</p>");
        }
        String after = page.getState() == PageState.ACKNOWLEDGED
                ? "The escalation stopped: nobody else will be paged."
                : "The escalation had already run through every level without an acknowledgement; yours is recorded as late.";
        return html("Acknowledged", "<p>Thank you, " + esc(page.getAcknowledgedBy()) + ": you acknowledged the page for "
                + esc(page.getIncidentId()) + " at " + page.getAcknowledgedAt() + ".</p><p>" + after + "</p>");
    }

    @ExceptionHandler(InvalidTokenException.class)
    ResponseEntity<String> invalid(InvalidTokenException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_HTML)
                .body(html("Link not valid", "<p>" + esc(e.getMessage()) + "</p><p>Nothing was changed.</p>"));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<String> unknown(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML)
                .body(html("Page not found", "<p>This link belongs to no page of this IncidentFlow.</p>"));
    }

    private static String already(Page page) {
        return "<p>The page for " + esc(page.getIncidentId()) + " was acknowledged by " + esc(page.getAcknowledgedBy())
                + " at " + page.getAcknowledgedAt() + ".</p>";
    }

    private static String html(String title, String content) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"robots\" content=\"noindex\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>IncidentFlow: " + esc(title)
                + "</title></head><body><h1>" + esc(title) + "</h1>" + content + "</body></html>";
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(String.valueOf(text));
    }
}
