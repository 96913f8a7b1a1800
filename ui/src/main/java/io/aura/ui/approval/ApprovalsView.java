package io.aura.ui.approval;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.aura.kernel.approval.ApprovalQueries.ApprovalView;
import io.aura.kernel.approval.Verdict;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.ui.LiveWhileAttached;
import io.aura.ui.MainLayout;
import io.aura.ui.Refusals;
import io.aura.ui.ResourceDirectory;
import io.aura.ui.SignedIn;
import io.aura.ui.UserZone;
import io.aura.ui.booking.BookingDesk;
import io.aura.ui.booking.CalendarDesk;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Pending approvals of the signed-in approver (all of them for an ADMIN): what is asked for, on which
 * resource, by whom and when; decided with a comment; live. Each request is one row whose details
 * wrap and whose decision stays in sight beside them (under them on a phone): nothing is cut off and
 * nothing scrolls sideways.
 */
@Route(value = "inbox", layout = MainLayout.class)
@RolesAllowed({"APPROVER", "ADMIN"})
public class ApprovalsView extends VerticalLayout implements HasDynamicTitle {
    private final ApprovalDesk approvals;
    private final BookingDesk bookings;
    private final CalendarDesk calendars;
    private final ResourceDirectory resources;
    /** What each row is about (bookingId → "title · resource · attendees"), read once per refresh, not per cell. */
    private Map<String, String> subjects = Map.of();
    /** What else holds the resource on each booking's day (bookingId → text), read per refresh. */
    private Map<String, String> contexts = Map.of();
    private final Grid<ApprovalView> grid = new Grid<>(ApprovalView.class, false);
    private final Span empty = new Span();

    public ApprovalsView(ApprovalDesk approvals, BookingDesk bookings, CalendarDesk calendars,
                         ResourceDirectory resources) {
        this.calendars = calendars;
        this.approvals = approvals;
        this.bookings = bookings;
        this.resources = resources;
        grid.setId("approvals");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        // one column: the request's details wrap, its decision sits beside them (below on a narrow screen)
        grid.addComponentColumn(this::row).setHeader(getTranslation("approval.requests"));
        grid.setAllRowsVisible(true);
        empty.setText(getTranslation("approval.empty"));
        empty.setId("approvals-empty");
        setMinWidth("0");
        add(new H2(getTranslation("approval.title")), grid, empty);
        LiveWhileAttached.keep(this, this::reload, ui -> approvals.watch(burst -> ui.access(this::reload)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("approval.page-title");
    }

    private Div row(ApprovalView approval) {
        Div details = new Div();
        details.addClassName("aura-approval-details");
        Span subject = new Span(subjects.getOrDefault(approval.bookingId(), ""));
        subject.addClassName("aura-approval-subject");
        details.add(subject);
        if (approval.firstOccurrence() != null) {
            details.add(fact("approval.when", UserZone.span(approval.firstOccurrence().start(),
                    approval.firstOccurrence().end(), UserZone.current())));
        }
        if (approval.rescheduleTo() != null) {
            details.add(fact("approval.move-to", UserZone.span(approval.rescheduleTo().start(),
                    approval.rescheduleTo().end(), UserZone.current())));
        }
        details.add(fact("approval.requested-by", approval.requester()),
                fact("approval.level", getTranslation("approval.level-value", approval.level() + 1,
                        approval.levelName())),
                fact("approval.decide-by", UserZone.at(approval.expiresAt(), UserZone.current())),
                fact("approval.that-day", contexts.getOrDefault(approval.bookingId(), "")));
        Div row = new Div(details, actions(approval));
        row.addClassName("aura-approval");
        return row;
    }

    /** One labelled fact of a request: "Requested by: alice". */
    private Span fact(String label, String value) {
        Span name = new Span(getTranslation(label));
        name.addClassName("aura-approval-label");
        Span fact = new Span(name, new Span(value));
        fact.addClassName("aura-approval-fact");
        return fact;
    }

    private Div actions(ApprovalView approval) {
        TextField comment = new TextField();
        comment.setPlaceholder(getTranslation("approval.comment"));
        comment.setAriaLabel(getTranslation("approval.comment-for", subjects.getOrDefault(approval.bookingId(), "")));
        comment.addClassName("aura-approval-comment");
        Button approve = new Button(getTranslation("approval.approve"), e -> decide(approval, Verdict.APPROVE, comment));
        approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        approve.addClassName("approve");
        Button reject = new Button(getTranslation("approval.reject"), e -> decide(approval, Verdict.REJECT, comment));
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        reject.addClassName("reject");
        Div actions = new Div(comment, approve, reject);
        actions.addClassName("aura-approval-decision");
        if (SignedIn.has("ADMIN")) {
            // an approver away: an administrator hands the level to others (their earlier links stop working)
            Button reassign = new Button(getTranslation("approval.reassign"), e -> reassign(approval));
            reassign.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            reassign.addClassName("reassign");
            actions.add(reassign);
        }
        return actions;
    }

    private void reassign(ApprovalView approval) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("approval.reassign-title",
                subjects.getOrDefault(approval.bookingId(), approval.bookingId())));
        TextField approvers = new TextField(getTranslation("approval.reassign-approvers"));
        approvers.setId("reassign-approvers");
        approvers.setValue(String.join(", ", approval.approvers()));
        approvers.setWidthFull();
        TextField reason = new TextField(getTranslation("approval.reassign-reason"));
        reason.setId("reassign-reason");
        reason.setMaxLength(500);
        reason.setWidthFull();
        Button save = new Button(getTranslation("approval.reassign"), e -> {
            try {
                approvals.reassign(approval.approvalId(), List.of(approvers.getValue().split(",")), reason.getValue());
                Notification.show(getTranslation("approval.reassigned"));
                dialog.close();
                reload();
            } catch (InvalidInputException invalid) {
                approvers.setInvalid(true);
                approvers.setErrorMessage(Refusals.of(this, invalid.violations().get(0)));
            }
        });
        save.setId("reassign-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(approvers, reason));
        dialog.getFooter().add(new Button(getTranslation("approval.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void decide(ApprovalView approval, Verdict verdict, TextField comment) {
        try {
            var outcome = approvals.decide(approval.approvalId(), verdict, comment.getValue());
            Notification.show(getTranslation("approval.decided." + outcome.status().name()));
            // the inbox view follows a moment later (and pushes); the decided row leaves at once
            List<ApprovalView> left = new java.util.ArrayList<>(approvals.pending());
            left.removeIf(a -> a.approvalId().equals(approval.approvalId()) && a.level() == approval.level());
            show(left);
        } catch (InvalidInputException invalid) {
            comment.setInvalid(true);
            // the one a blank comment can cause: an administrator overriding gives a reason
            comment.setErrorMessage(comment.getValue().isBlank() ? getTranslation("approval.override-needs-reason")
                    : Refusals.of(this, invalid.violations().get(0)));
        } catch (RuntimeException refused) {
            Notification.show(getTranslation("approval.not-possible", refused.getMessage()));
            reload();
        }
    }

    private void reload() {
        show(approvals.pending());
    }

    /**
     * Reads what the rows need once per refresh (not per cell drawn): each booking's title and resource,
     * and what else holds the resource that day — the resource's own day — so a decision is not made blind.
     */
    private void show(List<ApprovalView> rows) {
        Map<String, ResourceView> byId = resources.all().stream()
                .collect(Collectors.toMap(ResourceView::id, r -> r, (a, b) -> a));
        Map<String, String> about = new HashMap<>();
        Map<String, String> around = new HashMap<>();
        Map<String, List<io.aura.kernel.booking.BookingQueries.CalendarEntry>> days = new HashMap<>();
        for (ApprovalView row : rows) {
            ResourceView resource = byId.get(row.resourceId());
            String name = resource == null ? row.resourceId() : resource.spec().name();
            about.computeIfAbsent(row.bookingId(), id -> bookings.booking(id).map(b -> getTranslation(
                            "approval.subject", b.title(), name, b.attendees())
                    // a series is decided whole: say how many dates the one row stands for
                    + (b.occurrences().size() > 1 ? getTranslation("approval.dates", b.occurrences().size()) : ""))
                    .orElse(name));
            if (row.firstOccurrence() == null) {
                continue;
            }
            ZoneId zone = resource == null ? ZoneOffset.UTC : ZoneId.of(resource.spec().timeZone());
            LocalDate day = row.firstOccurrence().start().atZone(zone).toLocalDate();
            long others = days.computeIfAbsent(row.resourceId() + "|" + day, k -> calendars.calendar(
                            day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant(),
                            row.resourceId()))
                    .stream().filter(e -> !e.bookingId().equals(row.bookingId())).count();
            around.put(row.bookingId(), getTranslation("approval.others-that-day", others));
        }
        subjects = about;
        contexts = around;
        grid.setItems(rows);
        empty.setVisible(rows.isEmpty());
    }
}
