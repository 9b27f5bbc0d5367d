package io.incidentflow.notify.page;

import io.incidentflow.notify.NotificationRepository;
import io.incidentflow.security.CurrentUser;
import io.incidentflow.common.NotAllowedException;
import org.springframework.stereotype.Component;

/**
 * The part of "who may acknowledge a page" that depends on the page, for {@code @PreAuthorize}. A refusal
 * throws instead of returning false so that the 403 says why; call it last in the expression.
 */
@Component("pageAccess")
public class PageAccess {

    private final PageService pages;
    private final NotificationRepository messages;

    public PageAccess(PageService pages, NotificationRepository messages) {
        this.pages = pages;
        this.messages = messages;
    }

    /** The caller was reached by the page or is in the paged group, or a 403. Unknown page: 404. */
    public boolean pagedOrInPagedGroup(String pageId) {
        Page page = pages.get(pageId);
        CurrentUser user = CurrentUser.get();
        boolean paged = messages.findByPageIdOrderByIdAsc(pageId).stream()
                .anyMatch(m -> m.getRecipient().equals(user.userId()));
        if (paged || user.isMemberOf(page.getGroupId())) {
            return true;
        }
        throw new NotAllowedException("User '" + user.userId() + "' was not paged by page " + pageId
                + " and is not a member of group " + page.getGroupId());
    }
}
