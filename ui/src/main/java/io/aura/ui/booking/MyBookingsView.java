package io.aura.ui.booking;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.feed.CalendarFeedLinks;
import io.aura.kernel.quota.Quotas;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.kernel.waitlist.WaitlistQueries.WaitlistEntryView;
import io.aura.ui.LiveWhileAttached;
import io.aura.ui.MainLayout;
import io.aura.ui.Refusals;
import io.aura.ui.ResourceDirectory;
import io.aura.ui.UserZone;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The signed-in user's bookings, upcoming and past: status, occurrences, move or cancel, and the booking token as a
 * QR code.
 */
@Route(value = "bookings", layout = MainLayout.class)
@PermitAll
public class MyBookingsView extends VerticalLayout implements HasDynamicTitle {
    /** Narrower than this (a phone), each booking is one card-like cell instead of seven columns. */
    static final int NARROW_BELOW_PX = 720;

    private final BookingDesk bookings;
    private final CalendarDesk calendars;
    private final String user;
    private final boolean admin;
    private final Grid<BookingView> upcoming = new Grid<>(BookingView.class, false);
    private final Grid<BookingView> past = new Grid<>(BookingView.class, false);
    private final Div noneUpcoming = new Div(new Span(getTranslation("booking.mine.none-upcoming") + " "),
            new RouterLink(getTranslation("booking.mine.book-a-room"), CalendarView.class));
    private final Div nonePast = new Div(new Span(getTranslation("booking.mine.none-past")));
    private com.vaadin.flow.shared.Registration resizing;
    private final Map<String, String> names;
    /** Why a booking is where it is (refused, rejected with the approver's comment, expired), read per refresh. */
    private Map<String, String> notes = Map.of();
    private final ObjectProvider<CalendarFeedLinks> feeds;
    private final WaitlistDesk waitlist;
    /** The slots the person waits for (ADR 0036): shown only when there are some. */
    private final Div waitlistEntries = new Div();
    private final H3 waitlistHeading = new H3(getTranslation("booking.waitlist.heading"));
    /** Check-in (ADR 0033). */
    private final CheckInDesk checkIns;

    public MyBookingsView(BookingDesk bookings, CalendarDesk calendars, ResourceDirectory resources,
                          AuthenticationContext authentication, ObjectProvider<CalendarFeedLinks> feeds,
                          WaitlistDesk waitlist, CheckInDesk checkIns, ObjectProvider<Quotas> quotas) {
        this.checkIns = checkIns;
        this.feeds = feeds;
        this.waitlist = waitlist;
        this.calendars = calendars;
        this.bookings = bookings;
        this.user = authentication.getPrincipalName().orElse("");
        this.admin = MainLayout.roles(authentication).contains("ADMIN");
        this.names = resources.all().stream()
                .collect(Collectors.toMap(ResourceView::id, r -> r.spec().name(), (a, b) -> a));
        setId("my-bookings");
        columns(upcoming, "upcoming-bookings", true);
        columns(past, "past-bookings", false);
        noneUpcoming.setId("upcoming-empty");
        nonePast.setId("past-empty");
        noneUpcoming.addClassNames(LumoUtility.TextColor.SECONDARY);
        nonePast.addClassNames(LumoUtility.TextColor.SECONDARY);
        Button subscribe = new Button(getTranslation("booking.feed.open"), e -> showFeed());
        subscribe.setId("subscribe-calendar");
        subscribe.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout heading = new HorizontalLayout(new H2(getTranslation("booking.mine.heading")), subscribe);
        heading.setAlignItems(Alignment.BASELINE);
        heading.setWrap(true);
        waitlistEntries.setId("my-waitlist");
        add(heading, new H3(getTranslation("booking.mine.upcoming")), noneUpcoming,
                upcoming, waitlistHeading, waitlistEntries, new H3(getTranslation("booking.mine.past")), nonePast, past);
        quotas.ifAvailable(q -> addComponentAtIndex(1, new MyQuotaUsage(q, user, MainLayout.roles(authentication),
                names)));
        // live: a decision, an expiry or a change made in another window shows without a reload; only bursts
        // that touch a booking listed here (a new one from another window shows on the next visit)
        LiveWhileAttached.keep(this, this::reload, ui -> calendars.watch(null, burst -> {
            if (burst.stream().anyMatch(c -> notes.containsKey(c.bookingId()))) {
                ui.access(this::reload);
            }
        }));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("booking.mine.page-title");
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        // a phone gets one column of cards (seven columns would scroll sideways); the width is the browser's to tell
        var page = attach.getUI().getPage();
        page.retrieveExtendedClientDetails(details -> narrow(details.getWindowInnerWidth()));
        resizing = page.addBrowserWindowResizeListener(resized -> narrow(resized.getWidth()));
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (resizing != null) {
            resizing.remove();
        }
        super.onDetach(detach);
    }

    /** Shows the columns, or on a narrow window the one composite column, in both lists. */
    void narrow(int windowWidth) {
        boolean narrow = windowWidth > 0 && windowWidth < NARROW_BELOW_PX;
        for (Grid<BookingView> grid : List.of(upcoming, past)) {
            List<Grid.Column<BookingView>> columns = grid.getColumns();
            for (int i = 0; i < columns.size(); i++) {
                boolean compact = i == columns.size() - 1;
                columns.get(i).setVisible(compact == narrow);
            }
        }
    }

    private void columns(Grid<BookingView> grid, String id, boolean ahead) {
        grid.setId(id);
        // titles wrap rather than end in an ellipsis; the whole title is also the cell's tooltip
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        // text columns share what the fixed ones (when, status, actions) leave, so nothing scrolls sideways at 1440 px
        grid.addColumn(BookingView::title).setHeader(getTranslation("booking.mine.column-title")).setWidth("9em")
                .setFlexGrow(3).setTooltipGenerator(BookingView::title);
        grid.addColumn(this::resourceName).setHeader(getTranslation("booking.mine.column-resource")).setWidth("8em")
                .setFlexGrow(1).setTooltipGenerator(this::resourceName);
        grid.addColumn(b -> UserZone.span(b.start(), b.end(), UserZone.current()))
                .setHeader(getTranslation("booking.mine.column-when")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(BookingDetails::series).setHeader(getTranslation("booking.mine.column-series")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(b -> StatusBadge.of(b.status()).span())
                .setHeader(getTranslation("booking.mine.column-status")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(b -> notes.getOrDefault(b.bookingId(), "")).setHeader(getTranslation("booking.mine.column-why"))
                .setWidth("8em").setFlexGrow(2).setTooltipGenerator(b -> notes.getOrDefault(b.bookingId(), ""));
        grid.addComponentColumn(b -> actions(b, ahead)).setHeader(getTranslation("booking.mine.column-actions"))
                .setAutoWidth(true).setFlexGrow(0);
        // last: the whole booking in one cell, for a phone (see narrow)
        grid.addComponentColumn(b -> card(b, ahead)).setHeader(getTranslation("booking.mine.column-booking"))
                .setFlexGrow(1).setTextAlign(ColumnTextAlign.START).setVisible(false);
        grid.setAllRowsVisible(true);
    }

    private String resourceName(BookingView booking) {
        return names.getOrDefault(booking.resourceId(), booking.resourceId());
    }

    /** A booking as a phone shows it: title, where and when, status and why, then what can be done. */
    private Div card(BookingView booking, boolean ahead) {
        Span title = new Span(booking.title());
        title.getStyle().set("font-weight", "600");
        Div where = new Div(resourceName(booking) + " · " + UserZone.span(booking.start(), booking.end(),
                UserZone.current()));
        String series = BookingDetails.series(booking);
        Div state = new Div(StatusBadge.of(booking.status()).span());
        if (!series.isEmpty()) {
            state.add(new Span(" " + series));
        }
        String why = notes.getOrDefault(booking.bookingId(), "");
        if (!why.isEmpty()) {
            state.add(new Span(" " + why));
        }
        Div card = new Div(new Div(title), where, state, new Div(actions(booking, ahead)));
        card.addClassName("booking-card");
        card.getStyle().set("white-space", "normal").set("overflow-wrap", "anywhere");
        return card;
    }

    private HorizontalLayout actions(BookingView booking, boolean ahead) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setWrap(true);
        // a booking that is over is history: nothing to move or cancel
        if (ahead && booking.status().isActive()) {
            Button change = new Button(getTranslation("booking.mine.move-or-cancel"), e -> new BookingDetails(bookings, booking,
                    names.getOrDefault(booking.resourceId(), booking.resourceId()), user, admin, this::reload).open());
            change.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            change.addClassName("change");
            actions.add(change);
        }
        if (checkIns != null) {
            checkIns.open(booking).ifPresent(date -> {
                Button checkIn = new Button(getTranslation("booking.mine.check-in"), e -> {
                    try {
                        Instant at = checkIns.checkIn(booking.bookingId());
                        Notification.show(getTranslation("booking.mine.checked-in", UserZone.at(at, UserZone.current())));
                    } catch (InvalidInputException refused) {
                        Notification.show(Refusals.of(this, refused.violations().get(0)));
                    }
                    reload();
                });
                checkIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
                checkIn.addClassName("check-in");
                actions.add(checkIn);
            });
        }
        if (bookings.hasProof(booking)) {
            Button proof = new Button(getTranslation("booking.mine.proof"), e -> bookings.proof(booking.bookingId())
                    .ifPresent(token -> showProof(booking, token)));
            proof.addThemeVariants(ButtonVariant.LUMO_SMALL);
            proof.addClassName("proof");
            actions.add(proof);
        }
        return actions;
    }

    /** The caller's secret feed URL to subscribe to in their own calendar, and a way to replace it (ADR 0032). */
    private void showFeed() {
        CalendarFeedLinks links = feeds.getIfAvailable();
        if (links == null) {
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("booking.feed.heading"));
        TextField url = new TextField(getTranslation("booking.feed.url"));
        url.setId("feed-url");
        url.setReadOnly(true);
        url.setWidthFull();
        url.setValue(links.links(user).mine());
        Button copy = new Button(getTranslation("booking.feed.copy"), e -> {
            url.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", url.getValue());
            Notification.show(getTranslation("booking.feed.copied"));
        });
        Button rotate = new Button(getTranslation("booking.feed.rotate"), e -> {
            url.setValue(links.rotate(user).mine());
            Notification.show(getTranslation("booking.feed.rotated"));
        });
        rotate.setId("feed-rotate");
        rotate.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        dialog.add(new VerticalLayout(new Paragraph(getTranslation("booking.feed.what")), url,
                new HorizontalLayout(copy, rotate)));
        dialog.setWidth("min(40em, 95vw)");
        dialog.getFooter().add(new Button(getTranslation("booking.details.close"), e -> dialog.close()));
        dialog.open();
    }

    private void showProof(BookingView booking, String token) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("booking.proof.heading", booking.title()));
        Image qr = new Image(QrCode.svgDataUrl(token), getTranslation("booking.proof.qr"));
        qr.setWidth("280px");
        qr.setId("booking-qr");
        TextArea text = new TextArea(getTranslation("booking.proof.token"));
        text.setValue(token);
        text.setReadOnly(true);
        text.setWidthFull();
        dialog.add(new VerticalLayout(qr, new Paragraph(getTranslation("booking.proof.what")), text));
        dialog.getFooter().add(new Button(getTranslation("booking.details.close"), e -> dialog.close()));
        dialog.open();
    }

    private void reload() {
        List<BookingView> mine = bookings.mine();
        Map<String, String> why = new HashMap<>();
        ZoneId zone = UserZone.current();
        for (BookingView b : mine) {
            String note = switch (b.status()) {
                case REJECTED -> !b.conflicts().isEmpty()
                        ? getTranslation("booking.mine.taken", b.conflicts().stream().map(c -> UserZone.span(c.range().start(), c.range().end(), zone))
                                .distinct().collect(Collectors.joining("; ")))
                        // the rules broken, or an approver's rejection (their own words)
                        : b.refusals().isEmpty() ? String.join("; ", b.violations())
                        : String.join("; ", b.refusals().stream().map(v -> Refusals.of(this, v)).toList());
                default -> ""; // the status says the rest (waiting, expired)
            };
            why.put(b.bookingId(), note);
        }
        notes = why;
        BookingsByTime split = BookingsByTime.at(Instant.now(), mine);
        show(upcoming, noneUpcoming, split.upcoming());
        show(past, nonePast, split.past());
        showWaitlist();
    }

    /** One line per slot waited for — what, where, when, status and place in line — with Leave while it waits. */
    private void showWaitlist() {
        waitlistEntries.removeAll();
        List<WaitlistEntryView> entries = waitlist.mine();
        waitlistHeading.setVisible(!entries.isEmpty());
        waitlistEntries.setVisible(!entries.isEmpty());
        for (WaitlistEntryView entry : entries) {
            String state = getTranslation("booking.waitlist.status." + entry.status().name())
                    + (entry.position() > 0 ? ", " + getTranslation("booking.waitlist.position", entry.position()) : "");
            Span what = new Span(entry.title() + " · " + names.getOrDefault(entry.resourceId(), entry.resourceId())
                    + " · " + UserZone.span(entry.start(), entry.end(), UserZone.current()) + " — " + state + " ");
            Div line = new Div(what);
            line.addClassName("waitlist-entry");
            line.getStyle().set("overflow-wrap", "anywhere");
            if (entry.status().isOpen()) {
                Button leave = new Button(getTranslation("booking.waitlist.leave"), e -> {
                    waitlist.leave(entry.entryId());
                    Notification.show(getTranslation("booking.waitlist.left"));
                    showWaitlist();
                });
                leave.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                leave.addClassName("leave-waitlist");
                line.add(leave);
            }
            waitlistEntries.add(line);
        }
    }

    /** A list with rows, or the sentence that says there are none (an empty grid says nothing). */
    private static void show(Grid<BookingView> grid, Div none, List<BookingView> rows) {
        grid.setItems(rows);
        grid.setVisible(!rows.isEmpty());
        none.setVisible(rows.isEmpty());
        grid.recalculateColumnWidths(); // a reason that arrived later gets its width
    }
}
