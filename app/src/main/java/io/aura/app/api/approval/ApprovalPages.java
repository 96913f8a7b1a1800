package io.aura.app.api.approval;

import io.aura.app.security.ApprovalTokens;
import io.aura.kernel.approval.ApprovalQueries.ApprovalView;
import org.springframework.web.util.HtmlUtils;

/** The two small pages behind a notification's link: plain HTML, no script, everything escaped. */
final class ApprovalPages {
    private ApprovalPages() {}

    static String decide(String token, ApprovalTokens.Claimed claimed, ApprovalView view) {
        StringBuilder about = new StringBuilder();
        if (view != null) {
            about.append("<p>").append(esc(view.requester())).append(" asks for resource <b>")
                    .append(esc(view.resourceId())).append("</b>");
            if (view.firstOccurrence() != null) {
                about.append(" from ").append(esc(view.firstOccurrence().start().toString())).append(" to ")
                        .append(esc(view.firstOccurrence().end().toString()));
            }
            about.append(" (booking ").append(esc(view.bookingId())).append(", level ").append(view.level() + 1)
                    .append(": ").append(esc(view.levelName())).append(", now ").append(esc(view.status().name()))
                    .append(").</p>");
        }
        return page("Approval request", about
                + "<p>Deciding as <b>" + esc(claimed.approver()) + "</b>; this link works once and until "
                + esc(claimed.expiresAt().toString()) + ".</p>"
                + "<form method=\"post\" action=\"/approvals/authorize\">"
                + "<input type=\"hidden\" name=\"token\" value=\"" + esc(token) + "\">"
                + "<label for=\"comment\">Comment (optional)</label><br>"
                + "<textarea id=\"comment\" name=\"comment\" maxlength=\"1000\" rows=\"3\" cols=\"50\"></textarea><br>"
                + "<button type=\"submit\" name=\"decision\" value=\"APPROVE\">Approve</button> "
                + "<button type=\"submit\" name=\"decision\" value=\"REJECT\">Reject</button>"
                + "</form>");
    }

    static String result(String message) {
        return page("Approval", "<p>" + esc(message) + "</p>");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + " – Aura Scheduler</title></head><body><main><h1>" + esc(title) + "</h1>"
                + body + "</main></body></html>";
    }

    private static String esc(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s);
    }
}
