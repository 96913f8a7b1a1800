package io.aura.ui.audit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import io.aura.kernel.audit.AuditAnchoring;
import io.aura.kernel.audit.AuditExport;
import io.aura.kernel.audit.AuditLog;
import io.aura.ui.DatePickerTexts;
import io.aura.ui.MainLayout;
import io.aura.ui.UserZone;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The event store as the audit log: search by aggregate (a booking's id gives its timeline), event
 * type or actor; verify the hash chain; export what is selected as JSON Lines or CSV; take a signed
 * anchor of the store, or check one taken earlier.
 */
@Route(value = "audit", layout = MainLayout.class)
@RolesAllowed({"AUDITOR", "ADMIN"})
public class AuditView extends VerticalLayout implements com.vaadin.flow.router.BeforeEnterObserver,
        com.vaadin.flow.router.HasDynamicTitle {
    /** An export holds at most this many events (the API's paged export has no such bound). */
    static final int EXPORT_LIMIT = 100_000;

    private final int pageSize;
    /** The page shown starts after this global index (0: from the first event); earlier pages' starts, to go back. */
    /** Where a page starts: after a global index, or (one aggregate on Axon Server) after a sequence number. */
    private record Cursor(long afterIndex, long afterSequence) {
        static final Cursor START = new Cursor(0, -1);
    }

    private Cursor cursor = Cursor.START;
    private final java.util.Deque<Cursor> earlierPages = new java.util.ArrayDeque<>();
    private final Span page = new Span();
    private final Button older = new Button(getTranslation("audit.earlier"));
    private final Button newer = new Button(getTranslation("audit.later"));
    private final com.vaadin.flow.component.datepicker.DatePicker from = DatePickerTexts.localize(
            new com.vaadin.flow.component.datepicker.DatePicker(getTranslation("audit.from")));
    private final com.vaadin.flow.component.datepicker.DatePicker to = DatePickerTexts.localize(
            new com.vaadin.flow.component.datepicker.DatePicker(getTranslation("audit.until")));

    private final AuditLog audit;
    private final TextField aggregate = new TextField(getTranslation("audit.aggregate"));
    private final TextField type = new TextField(getTranslation("audit.type"));
    private final TextField actor = new TextField(getTranslation("audit.actor"));
    private final Grid<AuditLog.Entry> grid = new Grid<>(AuditLog.Entry.class, false);
    private final Span verdict = new Span();

    private final AuditAnchoring anchoring;
    private final TextArea anchor = new TextArea(getTranslation("audit.anchor"));
    private final Span anchorVerdict = new Span();

    public AuditView(ObjectProvider<AuditLog> audit, ObjectProvider<AuditAnchoring> anchoring,
                     tools.jackson.databind.json.JsonMapper json,
                     @org.springframework.beans.factory.annotation.Value("${aura.audit.page-size:500}") int pageSize) {
        this.pageSize = pageSize;
        this.audit = audit.getIfAvailable();
        this.anchoring = anchoring.getIfAvailable();
        setSizeFull();
        if (this.audit == null) {
            add(new H2(getTranslation("audit.title")), new Span(getTranslation("audit.no-log")));
            return;
        }
        Button search = new Button(getTranslation("audit.search"), e -> firstPage());
        search.setId("audit-search");
        Button verify = new Button(getTranslation("audit.verify"), e -> verify());
        verify.setId("audit-verify");
        verdict.setId("audit-verdict");
        aggregate.setId("audit-aggregate");
        from.setId("audit-from");
        to.setId("audit-to");
        from.setHelperText(getTranslation("audit.from-helper"));
        HorizontalLayout filters = new HorizontalLayout(aggregate, type, actor, from, to, search, verify, verdict);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        grid.setId("audit-events");
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        var index = grid.addColumn(AuditLog.Entry::globalIndex).setHeader(getTranslation("audit.column.index"))
                .setAutoWidth(true);
        grid.addColumn(e -> UserZone.at(e.timestamp(), UserZone.current())).setHeader(getTranslation("audit.column.when"))
                .setWidth("8em").setFlexGrow(0);
        grid.addColumn(AuditLog.Entry::type).setHeader(getTranslation("audit.column.event")).setWidth("7em")
                .setFlexGrow(1);
        var actorColumn = grid.addColumn(AuditLog.Entry::actor).setHeader(getTranslation("audit.column.actor"))
                .setAutoWidth(true);
        var aggregateColumn = grid.addColumn(e -> e.aggregateType() + " " + e.aggregateId() + " #" + e.sequence())
                .setHeader(getTranslation("audit.column.aggregate"));
        // on a phone: when and what; the rest is one tap away in the row's details
        io.aura.ui.Narrow.hideWhenNarrow(this, index, actorColumn, aggregateColumn);
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(
                e -> {
                    Span payload = new Span(String.valueOf(e.payload()));
                    payload.getStyle().set("overflow-wrap", "anywhere"); // a long JSON line wraps on a phone
                    return payload;
                }));
        // the events the filters select, as files (the same formats as GET /api/audit?format=jsonl|csv)
        Anchor jsonl = new Anchor(download("audit.jsonl", "application/jsonl",
                events -> AuditExport.jsonLines(events, json::writeValueAsString)), getTranslation("audit.export-jsonl"));
        jsonl.setId("audit-export-jsonl");
        Anchor csv = new Anchor(download("audit.csv", "text/csv",
                events -> AuditExport.csv(events, json::writeValueAsString)), getTranslation("audit.export-csv"));
        csv.setId("audit-export-csv");
        page.setId("audit-page");
        older.setId("audit-earlier");
        newer.setId("audit-later");
        older.addClickListener(e -> {
            cursor = earlierPages.isEmpty() ? Cursor.START : earlierPages.pop();
            reload();
        });
        newer.addClickListener(e -> {
            earlierPages.push(cursor);
            List<AuditLog.Entry> shown = grid.getListDataView().getItems().toList();
            AuditLog.Filter next = filter(cursor, pageSize).after(shown.get(shown.size() - 1));
            cursor = new Cursor(next.afterIndex(), next.afterSequence());
            reload();
        });
        HorizontalLayout paging = new HorizontalLayout(older, page, newer, jsonl, csv);
        paging.setAlignItems(FlexComponent.Alignment.BASELINE);
        paging.setWrap(true);
        add(new H2(getTranslation("audit.title")), filters, grid, paging);
        if (this.anchoring != null) {
            add(anchors());
        }
        expand(grid);
        firstPage();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shell.page-title", getTranslation("audit.title"));
    }

    /** {@code /audit?aggregate=<id>} opens one booking's (or approval's) timeline, e.g. from its details. */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        var wanted = event.getLocation().getQueryParameters().getSingleParameter("aggregate");
        if (audit != null && wanted.isPresent()) {
            aggregate.setValue(wanted.get());
            firstPage();
        }
    }

    private void firstPage() {
        cursor = Cursor.START;
        earlierPages.clear();
        reload();
    }

    /** One page of what the filters select, oldest first; says which events it shows and whether more follow. */
    private void reload() {
        // one more than a page is read to know whether another page follows
        List<AuditLog.Entry> read = audit.read(filter(cursor, pageSize + 1));
        boolean more = read.size() > pageSize;
        List<AuditLog.Entry> shown = more ? read.subList(0, pageSize) : read;
        grid.setItems(shown);
        page.setText(shown.isEmpty() ? getTranslation("audit.page.none")
                : getTranslation(more ? "audit.page.more" : "audit.page.last", number(shown.get(0)),
                        number(shown.get(shown.size() - 1))));
        older.setEnabled(!cursor.equals(Cursor.START));
        newer.setEnabled(more);
    }

    /** An event's number on the page: its place in the store, or in its aggregate where the store gives none. */
    private static long number(AuditLog.Entry e) {
        return e.globalIndex() != null ? e.globalIndex() : e.sequence();
    }

    private AuditLog.Filter filter(Cursor after, int limit) {
        ZoneId zone = UserZone.current();
        Instant since = from.getValue() == null ? null : from.getValue().atStartOfDay(zone).toInstant();
        Instant until = to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(zone).toInstant();
        return new AuditLog.Filter(blankToNull(aggregate.getValue()), blankToNull(type.getValue()),
                blankToNull(actor.getValue()), since, until, after.afterIndex(), after.afterSequence(), limit);
    }

    /** Everything {@code f} selects, every page (an export is not one screen), up to {@link #EXPORT_LIMIT}. */
    private List<AuditLog.Entry> selected(AuditLog.Filter f) {
        List<AuditLog.Entry> all = new java.util.ArrayList<>();
        AuditLog.Filter page = f.first(5_000);
        while (all.size() < EXPORT_LIMIT) {
            int wanted = Math.min(5_000, EXPORT_LIMIT - all.size());
            List<AuditLog.Entry> batch = audit.read(new AuditLog.Filter(page.aggregateId(), page.type(), page.actor(),
                    page.from(), page.to(), page.afterIndex(), page.afterSequence(), wanted));
            all.addAll(batch);
            if (batch.size() < wanted) {
                break;
            }
            page = page.after(batch.get(batch.size() - 1));
        }
        return all;
    }

    private com.vaadin.flow.server.streams.DownloadHandler download(String fileName, String contentType,
                                                                 java.util.function.Function<List<AuditLog.Entry>, String> body) {
        return com.vaadin.flow.server.streams.DownloadHandler.fromInputStream(event -> {
            // a download runs without the session's lock: the filters (and the viewer's zone) are read under it
            var criteria = new java.util.concurrent.atomic.AtomicReference<AuditLog.Filter>();
            event.getUI().accessSynchronously(() -> criteria.set(filter(Cursor.START, EXPORT_LIMIT)));
            byte[] bytes = body.apply(selected(criteria.get())).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return new com.vaadin.flow.server.streams.DownloadResponse(new java.io.ByteArrayInputStream(bytes),
                    fileName, contentType, bytes.length);
        });
    }

    private void verify() {
        AuditLog.Verification v = audit.verify(blankToNull(aggregate.getValue()));
        verdict.setText(v.valid() ? getTranslation("audit.chain-intact", v.checkedEvents())
                : getTranslation("audit.chain-broken", v.firstBreak().globalIndex(),
                        getTranslation("audit.break." + v.firstBreak().kind().name())));
        verdict.getStyle().set("color", v.valid() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
    }

    /** Take a signed anchor over everything stored so far, or check one taken earlier (ADR 0014). */
    private HorizontalLayout anchors() {
        anchor.setId("audit-anchor");
        anchor.setWidth("min(100%, 32em)");
        anchor.setMaxHeight("8em");
        anchorVerdict.setId("audit-anchor-verdict");
        Button take = new Button(getTranslation("audit.anchor-take"), e -> {
            AuditAnchoring.Anchor taken = anchoring.take();
            anchor.setValue(taken.signed());
            show(getTranslation("audit.anchor-taken", taken.digest().headIndex(), taken.digest().events()), true);
        });
        take.setId("audit-anchor-take");
        Button check = new Button(getTranslation("audit.anchor-check"), e -> {
            try {
                AuditAnchoring.Check result = anchoring.check(anchor.getValue());
                show(result.unchanged()
                        ? getTranslation("audit.anchor-unchanged", result.anchored().events(),
                                result.anchored().headIndex())
                        : result.firstBreak() != null
                                ? getTranslation("audit.anchor-changed-event", result.firstBreak().globalIndex(),
                                        result.firstBreak().aggregateId(), result.firstBreak().sequence(),
                                        getTranslation("audit.break." + result.firstBreak().kind().name()))
                                : getTranslation("audit.anchor-changed-count", result.now().events(),
                                        result.anchored().headIndex(), result.anchored().events()),
                        result.unchanged());
            } catch (IllegalArgumentException notOurs) {
                show(getTranslation("audit.anchor-foreign"), false);
            }
        });
        check.setId("audit-anchor-check");
        HorizontalLayout row = new HorizontalLayout(anchor, take, check, anchorVerdict);
        row.setWidthFull();
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private void show(String text, boolean good) {
        anchorVerdict.setText(text);
        anchorVerdict.getStyle().set("color", good ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
