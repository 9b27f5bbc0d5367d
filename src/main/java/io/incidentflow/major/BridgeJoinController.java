package io.incidentflow.major;

import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.notify.AckTokens.InvalidTokenException;
import io.incidentflow.notify.AckTokens;
import io.incidentflow.notify.Notification;
import io.incidentflow.notify.NotificationRepository;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The personal join link of a bridge announcement ({@code notifications/bridge-opened.yaml}): records that the
 * person joined the bridge (BRIDGE_JOINED on the timeline) and redirects to the bridge.
 *
 * <p>Unlike the acknowledgement link, a GET records. That is safe here: opening the link is what joining means,
 * and all it records is "this person opened their link" at the first opening (later ones change nothing), which
 * stops no escalation and hands nobody a task. A link scanner that opens it makes a join time too early at
 * worst. The address redirected to comes from configuration for the incident's service, never from the
 * request or the token, and only an http(s) address is redirected to; any other (a phone number, a room
 * name) is shown. A forged, damaged or expired link is refused with 403 and records nothing.
 */
@RestController
@Hidden
public class BridgeJoinController {

    private final AckTokens tokens;
    private final NotificationRepository messages;
    private final IncidentService incidents;
    private final MajorIncidentProperties properties;

    public BridgeJoinController(AckTokens tokens, NotificationRepository messages, IncidentService incidents,
                                MajorIncidentProperties properties) {
        this.tokens = tokens;
        this.messages = messages;
        this.incidents = incidents;
        this.properties = properties;
    }

    @GetMapping(value = "/join/{token}", produces = MediaType.TEXT_HTML_VALUE)
    @Transactional
    public ResponseEntity<String> join(@PathVariable String token) {
        String messageKey = tokens.verify(AckTokens.Purpose.JOIN_BRIDGE, token).messageKey();
        // signed for joining, so it was issued for a bridge announcement; a deleted message is no bridge to join
        Notification message = messages.findByMessageKey(messageKey)
                .orElseThrow(() -> new InvalidTokenException("This link belongs to no bridge announcement of this IncidentFlow."));
        Incident incident = incidents.get(message.getIncidentId());
        String bridge = message.getAudience().code();
        String address = properties.bridge(incident.getServiceId(), message.getAudience());
        incidents.recordBridgeJoin(incident.getId(), message.getRecipient(), bridge);
        if (isWebAddress(address)) {
            return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(address)).build();
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(html("Join the " + bridge + " bridge",
                "<p>Your join of the " + esc(bridge) + " bridge of " + esc(incident.getId()) + " is recorded.</p>"
                        + "<p>The bridge: " + esc(address) + "</p>"));
    }

    @ExceptionHandler(InvalidTokenException.class)
    ResponseEntity<String> invalid(InvalidTokenException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_HTML)
                .body(html("Link not valid", "<p>" + esc(e.getMessage()) + "</p><p>Nothing was recorded.</p>"));
    }

    /** An absolute http(s) address with a host: anything else (javascript:, //host, a name) is not redirected to. */
    static boolean isWebAddress(String address) {
        try {
            URI uri = URI.create(address.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
    }

    private static String html(String title, String content) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"robots\" content=\"noindex\">"
                + "<title>IncidentFlow: " + esc(title) + "</title></head><body><h1>" + esc(title) + "</h1>" + content
                + "</body></html>";
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(String.valueOf(text));
    }
}
