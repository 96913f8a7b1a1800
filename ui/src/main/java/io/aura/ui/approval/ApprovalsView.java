package io.aura.ui.approval;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.aura.kernel.approval.ApprovalQueries.ApprovalView;
import io.aura.kernel.approval.Verdict;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.ui.LiveWhileAttached;
import io.aura.ui.MainLayout;
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
 * resource, by whom and when; decided with a comment; live.
 */
@Route(value = "inbox", layout = MainLayout.class)
@PageTitle("Approvals · Aura Scheduler")
@RolesAllowed({"APPROVER", "ADMIN"})
public class ApprovalsView extends VerticalLayout {
    private final ApprovalDesk approvals;
    private final BookingDesk bookings;
    private final CalendarDesk calendars;
    private final ResourceDirectory resources;
    /** What each row is about (bookingId → "title · resource"), read once per refresh, not per cell. */
    private Map<String, String> subjects = Map.of();
    /** What else holds the resource on each booking's day (bookingId → text), read per refresh. */
    private Map<String, String> contexts = Map.of();
    private final Grid<ApprovalView> grid = new Grid<>(ApprovalView.class, false);

    public ApprovalsView(ApprovalDesk approvals, BookingDesk bookings, CalendarDesk calendars,
                         ResourceDirectory resources) {
        this.calendars = calendars;
        this.approvals = approvals;
        this.bookings = bookings;
        this.resources = resources;
        grid.setId("approvals");
        grid.addColumn(a -> subjects.getOrDefault(a.bookingId(), "")).setHeader("Booking").setAutoWidth(true);
        grid.addColumn(a -> a.requester()).setHeader("Requested by");
        grid.addColumn(a -> a.firstOccurrence() == null ? "" : UserZone.span(a.firstOccurrence().start(),
                a.firstOccurrence().end(), UserZone.current())).setHeader("When").setAutoWidth(true);
        grid.addColumn(a -> (a.rescheduleTo() != null ? "move · " : "") + "level " + (a.level() + 1) + ": "
                + a.levelName()).setHeader("Level");
        grid.addColumn(a -> UserZone.at(a.expiresAt(), UserZone.current())).setHeader("Decide by");
        grid.addColumn(this::context).setHeader("That day on the resource");
        // the decision stays in sight however wide the other columns are (the grid scrolls under it)
        grid.addComponentColumn(this::actions).setHeader("Decision").setAutoWidth(true).setFrozenToEnd(true);
        grid.setAllRowsVisible(true);
        add(new H2("Approvals"), grid);
        LiveWhileAttached.keep(this, this::reload, ui -> approvals.watch(burst -> ui.access(this::reload)));
    }

    private HorizontalLayout actions(ApprovalView approval) {
        TextField comment = new TextField();
        comment.setPlaceholder("Comment");
        comment.setAriaLabel("Comment");
        Button approve = new Button("Approve", e -> decide(approval, Verdict.APPROVE, comment));
        approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        approve.addClassName("approve");
        Button reject = new Button("Reject", e -> decide(approval, Verdict.REJECT, comment));
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        reject.addClassName("reject");
        HorizontalLayout actions = new HorizontalLayout(comment, approve, reject);
        if (SignedIn.has("ADMIN")) {
            // an approver away: an administrator hands the level to others (their earlier links stop working)
            Button reassign = new Button("Reassign", e -> reassign(approval));
            reassign.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            reassign.addClassName("reassign");
            actions.add(reassign);
        }
        return actions;
    }

    private void reassign(ApprovalView approval) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Reassign " + subjects.getOrDefault(approval.bookingId(), approval.bookingId()));
        TextField approvers = new TextField("New approvers (user names, comma-separated)");
        approvers.setId("reassign-approvers");
        approvers.setValue(String.join(", ", approval.approvers()));
        approvers.setWidthFull();
        TextField reason = new TextField("Reason (optional)");
        reason.setId("reassign-reason");
        reason.setMaxLength(500);
        reason.setWidthFull();
        Button save = new Button("Reassign", e -> {
            try {
                approvals.reassign(approval.approvalId(), List.of(approvers.getValue().split(",")), reason.getValue());
                Notification.show("Reassigned; the new approvers are told.");
                dialog.close();
                reload();
            } catch (InvalidInputException invalid) {
                approvers.setInvalid(true);
                approvers.setErrorMessage(invalid.violations().get(0).message());
            }
        });
        save.setId("reassign-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(approvers, reason));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private void decide(ApprovalView approval, Verdict verdict, TextField comment) {
        try {
            var outcome = approvals.decide(approval.approvalId(), verdict, comment.getValue());
            Notification.show("The approval is now " + outcome.status() + ".");
            // the inbox view follows a moment later (and pushes); the decided row leaves at once
            List<ApprovalView> left = new java.util.ArrayList<>(approvals.pending());
            left.removeIf(a -> a.approvalId().equals(approval.approvalId()) && a.level() == approval.level());
            show(left);
        } catch (InvalidInputException invalid) {
            comment.setInvalid(true);
            comment.setErrorMessage(invalid.violations().get(0).message());
        } catch (RuntimeException refused) {
            Notification.show("Not possible: " + refused.getMessage());
            reload();
        }
    }

    private String context(ApprovalView approval) {
        return contexts.getOrDefault(approval.bookingId(), "");
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
            about.computeIfAbsent(row.bookingId(), id -> bookings.booking(id).map(b -> b.title() + " · "
                    + name + " · " + b.attendees() + " attendee(s)"
                    // a series is decided whole: say how many dates the one row stands for
                    + (b.occurrences().size() > 1 ? " · " + b.occurrences().size() + " dates" : ""))
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
            around.put(row.bookingId(), others == 0 ? "nothing else booked" : others + " other booking(s)");
        }
        subjects = about;
        contexts = around;
        grid.setItems(rows);
    }
}
