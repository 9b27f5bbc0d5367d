package io.incidentflow.notify.page;

import io.incidentflow.common.NotFoundException;
import io.incidentflow.notify.AckTokens.InvalidTokenException;
import io.incidentflow.notify.AckTokens;
import io.incidentflow.notify.Notification;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;

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
    public ModelAndView confirm(@PathVariable String token) {
        Notification message = pages.message(tokens.verify(token).messageKey());
        Page page = pages.get(message.getPageId());
        if (page.isAcknowledged()) {
            return view(AckView.already(page, false), HttpStatus.OK);
        }
        return view(new AckView("Acknowledge page", new Confirmation(String.valueOf(message.getSubject()),
                page.getIncidentId(), page.getGroupId(), String.valueOf(message.getPageLevel()), message.getRecipient()),
                null, null, null, false), HttpStatus.OK);
    }

    @PostMapping(value = "/ack/{token}", produces = MediaType.TEXT_HTML_VALUE)
    public ModelAndView acknowledge(@PathVariable String token) {
        PageService.Acknowledgement ack = pages.acknowledgeMessage(tokens.verify(token).messageKey());
        Page page = ack.page();
        if (!ack.recorded()) {
            return view(AckView.already(page, true), HttpStatus.OK);
        }
        String outcome = page.getState() == PageState.ACKNOWLEDGED
                ? "The escalation stopped: nobody else will be paged."
                : "The escalation had already run through every level without an acknowledgement; yours is recorded as late.";
        return view(new AckView("Acknowledged", null, new Acknowledgement(page.getIncidentId(), page.getAcknowledgedBy(),
                String.valueOf(page.getAcknowledgedAt()), outcome), null, null, false), HttpStatus.OK);
    }

    @ExceptionHandler(InvalidTokenException.class)
    ModelAndView invalid(InvalidTokenException e) {
        return view(new AckView("Link not valid", null, null, null, String.valueOf(e.getMessage()), false),
                HttpStatus.FORBIDDEN);
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView unknown(NotFoundException e) {
        return view(new AckView("Page not found", null, null, null, null, true), HttpStatus.NOT_FOUND);
    }

    private static ModelAndView view(AckView content, HttpStatus status) {
        return new ModelAndView("ack", Map.of("page", content), status);
    }

    /**
     * What {@code templates/ack.mustache} shows, which escapes every value: one of the sections is set
     * (refused: the reason the link is not valid; unknown: the link names no page).
     */
    record AckView(String title, Confirmation confirm, Acknowledgement acknowledged, Acknowledgement already,
                   String refused, boolean unknown) {

        static AckView already(Page page, boolean replayed) {
            return new AckView("Already acknowledged", null, null, new Acknowledgement(page.getIncidentId(),
                    page.getAcknowledgedBy(), String.valueOf(page.getAcknowledgedAt()), replayed ? "Nothing was changed." : null),
                    null, false);
        }
    }

    record Confirmation(String subject, String incidentId, String groupId, String level, String recipient) {
    }

    /** {@code outcome}: the sentence after the acknowledgement, if any. */
    record Acknowledgement(String incidentId, String by, String at, String outcome) {
    }
}
