package io.incidentflow.notify.page;

import io.incidentflow.security.CurrentUser;
import io.incidentflow.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Pages", description = "Escalations of processes/page-responder.bpmn and their acknowledgement")
public class PageController {

    private final PageService pages;

    public PageController(PageService pages) {
        this.pages = pages;
    }

    /** {@code recorded} (in the answer to an acknowledgement) is false when the page was already acknowledged. */
    public record PageView(String id, String incidentId, String group, String event, String summary, PageState state,
                           int levelCount, int pagedLevel, String ackTimeout, Instant openedAt, Instant acknowledgedAt,
                           String acknowledgedBy, String acknowledgedVia, Boolean recorded) {
        static PageView of(Page p, Boolean recorded) {
            return new PageView(p.getId(), p.getIncidentId(), p.getGroupId(), p.getEvent(), p.getSummary(), p.getState(),
                    p.getLevelCount(), p.getPagedLevel(), p.getAckTimeout(), p.getOpenedAt(), p.getAcknowledgedAt(),
                    p.getAcknowledgedBy(), p.getAcknowledgedVia(), recorded);
        }
    }

    @GetMapping("/pages/{id}")
    @Operation(summary = "One page: who was paged up to which level, and who acknowledged when")
    public PageView page(@PathVariable String id) {
        return PageView.of(pages.get(id), null);
    }

    @GetMapping("/incidents/{id}/pages")
    @Operation(summary = "The pages of an incident")
    public List<PageView> ofIncident(@PathVariable String id) {
        return pages.ofIncident(id).stream().map(p -> PageView.of(p, null)).toList();
    }

    @PostMapping("/pages/{id}/acknowledgement")
    @PreAuthorize(Roles.Has.CAMUNDA_ADMIN + " or @pageAccess.pagedOrInPagedGroup(#id)")
    @Operation(summary = "Acknowledge a page as the calling user (someone it paged, or a member of the paged group)",
            description = "Stops the escalation. A second acknowledgement changes nothing and answers recorded=false.")
    public PageView acknowledge(@PathVariable String id, CurrentUser user) {
        PageService.Acknowledgement ack = pages.acknowledgeAs(id, user);
        return PageView.of(ack.page(), ack.recorded());
    }
}
