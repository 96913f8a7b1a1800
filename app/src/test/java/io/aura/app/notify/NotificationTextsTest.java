package io.aura.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.approval.ApprovalEvents.ApprovalGranted;
import io.aura.kernel.approval.ApprovalEvents.ApprovalLevelStarted;
import io.aura.kernel.approval.ApprovalEvents.ApprovalOpened;
import io.aura.kernel.approval.ApprovalEvents.ApprovalRejected;
import io.aura.kernel.approval.ApprovalEvents.ApprovalTokenIssued;
import io.aura.kernel.approval.DecisionChannel;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.identity.Role;
import io.aura.kernel.identity.UserEvents.UserRegistered;
import io.aura.kernel.notification.NotificationQueries.NotificationView;
import io.aura.kernel.resource.ResourceEvents.ResourceRegistered;
import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.schedule.ConflictPolicy;
import io.aura.kernel.schedule.TimeRange;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.sqlite.SQLiteDataSource;

/**
 * What notifications (and their mails) say: the booking's title, its resource and its time in the
 * resource's zone — never only the booking's id — and an approval kept from before they did still
 * reads as it did.
 */
class NotificationTextsTest {
    static final TimeRange SLOT = NotificationInboxTest.SLOT; // 2030-01-10 09:00Z: Thursday 10:00 in Berlin
    static final String BUDGET_IN_BOARD_ROOM = "“Budget” in Board room, Thu 10 Jan 2030, 10:00–11:00 (Europe/Berlin)";

    @TempDir
    Path dir;
    NotificationStore store;
    NotificationInbox inbox;

    @BeforeEach
    void setUp() {
        SQLiteDataSource database = SqlNotificationStoreTest.database(dir);
        store = new SqlNotificationStore(database, database, new DataSourceTransactionManager(database)).createSchema();
        inbox = new NotificationInbox(store, SimpleQueryUpdateEmitter.builder().build(), NotificationInboxTest.TOKENS,
                "http://aura.test", "smtp.test");
        inbox.on(new UserRegistered("alice", Set.of(Role.REQUESTER), "Alice", "alice@example.test"));
        inbox.on(new UserRegistered("olga", Set.of(Role.APPROVER), "Olga", "olga@example.test"));
        inbox.on(new ResourceRegistered("r-1", new ResourceSpec("Board room", 10, "Europe/Berlin", true,
                List.of("olga"), 0, 15, 720, 365)));
        inbox.on(new BookingRequested("b-1", "r-1", "Budget", SLOT, List.of(SLOT), null, ConflictPolicy.ALL_OR_NOTHING,
                4, List.of(), null, "alice"));
        inbox.on(new ApprovalOpened("a-1", "b-1", "r-1", "alice", SLOT, null,
                List.of(NotificationInboxTest.ANY_APPROVER), "PT4H"));
    }

    @Test
    void an_approver_is_asked_about_the_booking_by_title_resource_and_time_with_the_deadline_in_the_rooms_zone() {
        EventMessage<?> issued = NotificationInboxTest.event(new ApprovalTokenIssued("a-1", "b-1", "t-1", "olga", 0,
                Instant.parse("2030-01-09T17:00:00Z")));
        inbox.on((ApprovalTokenIssued) issued.getPayload(), issued, ReplayStatus.REGULAR);

        NotificationView request = only("olga");
        assertThat(request.message()).startsWith("Please approve or reject booking " + BUDGET_IN_BOARD_ROOM
                + " (level 1) by Wed 9 Jan 2030, 18:00 (Europe/Berlin): http://aura.test/approvals/decide?token=");
        assertThat(request.message()).doesNotContain("b-1");
        // the mail carries the same text
        assertThat(store.entry(request.id()).orElseThrow().message()).isEqualTo(request.message());
    }

    @Test
    void a_role_member_is_asked_the_same_way() {
        EventMessage<?> started = NotificationInboxTest.event(new ApprovalLevelStarted("a-1", "b-1", 0, "any",
                List.of(), "APPROVER", SLOT.start(), SLOT.start(), SLOT.start()));
        inbox.on((ApprovalLevelStarted) started.getPayload(), started, ReplayStatus.REGULAR);

        assertThat(only("olga").message()).startsWith("Booking " + BUDGET_IN_BOARD_ROOM + " awaits a decision by APPROVER");
    }

    @Test
    void the_requester_hears_of_the_decision_on_their_booking_by_its_title() {
        EventMessage<?> granted = NotificationInboxTest.event(new ApprovalGranted("a-1", "b-1", "r-1", null));
        inbox.on((ApprovalGranted) granted.getPayload(), granted, ReplayStatus.REGULAR);

        assertThat(only("alice").message()).isEqualTo("Your booking " + BUDGET_IN_BOARD_ROOM + " is approved and confirmed");
    }

    @Test
    void a_refused_move_names_the_time_it_asked_for() {
        TimeRange later = new TimeRange(SLOT.start().plusSeconds(7200), SLOT.end().plusSeconds(7200));
        inbox.on(new ApprovalOpened("a-2", "b-1", "r-1", "alice", SLOT, later,
                List.of(NotificationInboxTest.ANY_APPROVER), "PT4H"));
        EventMessage<?> rejected = NotificationInboxTest.event(new ApprovalRejected("a-2", "b-1", "r-1", 0, "olga",
                "room is needed", DecisionChannel.INBOX, null, later));
        inbox.on((ApprovalRejected) rejected.getPayload(), rejected, ReplayStatus.REGULAR);

        assertThat(only("alice").message()).isEqualTo("Your booking “Budget” in Board room, moving to Thu 10 Jan 2030, "
                + "12:00–13:00 (Europe/Berlin): the move was rejected by olga: room is needed");
    }

    @Test
    void an_approval_kept_before_notifications_named_bookings_still_reads_as_it_did() {
        store.saveApproval(new ApprovalContext("a-old", "b-old", "r-1", "alice"));
        EventMessage<?> granted = NotificationInboxTest.event(new ApprovalGranted("a-old", "b-old", "r-1", null));
        inbox.on((ApprovalGranted) granted.getPayload(), granted, ReplayStatus.REGULAR);

        assertThat(only("alice").message()).isEqualTo("Your booking b-old is approved and confirmed");
    }

    private NotificationView only(String user) {
        List<NotificationView> entries = inbox.inboxOf(user, 10);
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }
}
