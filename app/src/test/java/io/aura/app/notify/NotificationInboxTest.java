package io.aura.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.security.ApprovalTokens;
import io.aura.app.security.SigningKeys;
import io.aura.kernel.approval.ApprovalEvents.ApprovalGranted;
import io.aura.kernel.approval.ApprovalEvents.ApprovalLevelStarted;
import io.aura.kernel.approval.ApprovalEvents.ApprovalOpened;
import io.aura.kernel.approval.ApprovalEvents.ApprovalTokenIssued;
import io.aura.kernel.approval.ApprovalLevel;
import io.aura.kernel.booking.BookingQueries.HeatmapChanged;
import io.aura.kernel.identity.Role;
import io.aura.kernel.identity.UserEvents.RoleRevoked;
import io.aura.kernel.identity.UserEvents.RolesGranted;
import io.aura.kernel.identity.UserEvents.UserDisabled;
import io.aura.kernel.identity.UserEvents.UserProfileChanged;
import io.aura.kernel.identity.UserEvents.UserRegistered;
import io.aura.kernel.notification.NotificationQueries.FindNotificationsOf;
import io.aura.kernel.notification.NotificationQueries.NotificationView;
import io.aura.kernel.notification.NotificationQueries.WatchNotifications;
import io.aura.kernel.schedule.TimeRange;
import io.aura.query.store.ViewChanges;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.sqlite.SQLiteDataSource;

/**
 * The notification inbox, events in and inbox out, on SQLite; the same cases run on MongoDB in
 * {@link MongoNotificationInboxTest}. Who is asked, with what link, and whether a mail waits in the
 * outbox for it.
 */
class NotificationInboxTest {
    static final TimeRange SLOT = new TimeRange(Instant.parse("2030-01-10T09:00:00Z"), Instant.parse("2030-01-10T10:00:00Z"));
    static final ApprovalLevel ANY_APPROVER = new ApprovalLevel("any", List.of(), "APPROVER", 0, 0, List.of(), List.of());
    static final ApprovalTokens TOKENS = tokens();

    @TempDir
    Path dir;
    NotificationStore store;
    NotificationInbox inbox;

    /** The store the cases run on: SQLite here (the embedded default's), MongoDB in {@link MongoNotificationInboxTest}. */
    NotificationStore store() {
        SQLiteDataSource database = SqlNotificationStoreTest.database(dir);
        return new SqlNotificationStore(database, database, new DataSourceTransactionManager(database)).createSchema();
    }

    @BeforeEach
    void setUp() {
        store = store();
        inbox = new NotificationInbox(store, SimpleQueryUpdateEmitter.builder().build(), TOKENS, "http://aura.test/",
                "smtp.test");
        inbox.on(new UserRegistered("alice", Set.of(Role.REQUESTER), "Alice", "alice@example.test"));
        inbox.on(new UserRegistered("olga", Set.of(Role.APPROVER), "Olga", "olga@example.test"));
        inbox.on(new UserRegistered("paul", Set.of(Role.APPROVER), "Paul", " "));
        inbox.on(new ApprovalOpened("a-1", "b-1", "r-1", "alice", SLOT, null, List.of(ANY_APPROVER), "PT4H"));
    }

    @Test
    void a_named_approver_is_asked_with_the_link_that_decides_and_a_mail_waits_for_them() {
        EventMessage<?> issued = event(new ApprovalTokenIssued("a-1", "b-1", "t-1", "olga", 0, SLOT.start()));
        inbox.on((ApprovalTokenIssued) issued.getPayload(), issued, ReplayStatus.REGULAR);

        NotificationView request = single("olga");
        assertThat(request.type()).isEqualTo("APPROVAL_REQUEST");
        assertThat(request.token()).isNotBlank();
        assertThat(request.link()).startsWith("http://aura.test/approvals/decide?token=");
        assertThat(request.message()).contains("(level 1)").endsWith(request.link());
        assertThat(store.entry(request.id())).get().satisfies(e -> {
            assertThat(e.email()).isEqualTo("olga@example.test");
            assertThat(e.mailStatus()).isEqualTo(MailStatus.PENDING);
            assertThat(e.createdAt()).isEqualTo(issued.getTimestamp().truncatedTo(ChronoUnit.MILLIS));
        });
    }

    @Test
    void a_roles_members_of_the_moment_are_asked_but_not_the_named_approvers_nor_the_requester() {
        inbox.on(new RolesGranted("alice", Set.of(Role.APPROVER)));

        levelStarted(List.of("olga"), ReplayStatus.REGULAR);
        inbox.on(new UserRegistered("quinn", Set.of(Role.APPROVER), "Quinn", "quinn@example.test"));

        assertThat(inbox.inboxOf("olga", 10)).isEmpty(); // told with their token instead
        assertThat(inbox.inboxOf("alice", 10)).isEmpty();
        assertThat(inbox.inboxOf("quinn", 10)).isEmpty();
        NotificationView asked = single("paul");
        assertThat(asked.link()).isEqualTo("http://aura.test/inbox");
        assertThat(asked.token()).isNull();
        assertThat(store.entry(asked.id())).map(InboxEntry::mailStatus).contains(MailStatus.NO_ADDRESS);
    }

    @Test
    void mail_goes_to_the_address_a_user_has_now_and_waits_for_none_once_it_was_removed() {
        inbox.on(new UserProfileChanged("olga", "Olga", "olga@new.example.test"));
        inbox.on(new UserProfileChanged("paul", "Paul", "paul@example.test"));
        inbox.on(new UserProfileChanged("paul", "Paul", null));

        levelStarted(List.of(), ReplayStatus.REGULAR);

        assertThat(store.entry(single("olga").id())).get().satisfies(e -> {
            assertThat(e.email()).isEqualTo("olga@new.example.test");
            assertThat(e.mailStatus()).isEqualTo(MailStatus.PENDING);
        });
        assertThat(store.entry(single("paul").id())).map(InboxEntry::mailStatus).contains(MailStatus.NO_ADDRESS);
    }

    @Test
    void an_approver_whose_role_was_revoked_is_no_longer_asked() {
        inbox.on(new RoleRevoked("paul", Role.APPROVER));

        levelStarted(List.of(), ReplayStatus.REGULAR);

        assertThat(inbox.inboxOf("paul", 10)).isEmpty();
        assertThat(inbox.inboxOf("olga", 10)).hasSize(1);
    }

    @Test
    void a_disabled_user_is_told_nothing_as_a_member_by_name_or_as_requester_even_after_a_new_grant() {
        inbox.on(new UserDisabled("olga"));
        inbox.on(new UserDisabled("alice"));
        inbox.on(new RolesGranted("olga", Set.of(Role.APPROVER)));

        levelStarted(List.of(), ReplayStatus.REGULAR);
        EventMessage<?> issued = event(new ApprovalTokenIssued("a-1", "b-1", "t-1", "olga", 0, SLOT.start()));
        inbox.on((ApprovalTokenIssued) issued.getPayload(), issued, ReplayStatus.REGULAR);
        EventMessage<?> granted = event(new ApprovalGranted("a-1", "b-1", "r-1", null));
        inbox.on((ApprovalGranted) granted.getPayload(), granted, ReplayStatus.REGULAR);

        assertThat(inbox.inboxOf("olga", 10)).isEmpty();
        assertThat(inbox.inboxOf("alice", 10)).isEmpty();
        assertThat(inbox.inboxOf("paul", 10)).hasSize(1);
    }

    @Test
    void a_redelivered_event_adds_nothing() {
        EventMessage<?> started = levelStarted(List.of(), ReplayStatus.REGULAR);
        inbox.on((ApprovalLevelStarted) started.getPayload(), started, ReplayStatus.REGULAR);

        assertThat(inbox.inboxOf("olga", 10)).hasSize(1);
    }

    @Test
    void within_one_batch_a_user_registered_before_a_level_started_is_asked() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        inbox.on(new UserRegistered("quinn", Set.of(Role.APPROVER), "Quinn", "quinn@example.test"));
        levelStarted(List.of(), ReplayStatus.REGULAR);
        batch.commit();

        assertThat(inbox.inboxOf("quinn", 10)).hasSize(1);
        assertThat(inbox.inboxOf("olga", 10)).hasSize(1);
    }

    @Test
    void history_is_listed_again_but_never_mailed_again() {
        levelStarted(List.of(), ReplayStatus.REPLAY);
        ApprovalLevelStarted old = new ApprovalLevelStarted("a-1", "b-1", 1, "any", List.of(), "APPROVER",
                SLOT.start(), SLOT.start(), SLOT.start());
        EventMessage<?> twoDaysAgo = new GenericEventMessage<>(UUID.randomUUID().toString(), old, Map.of(),
                Instant.now().minus(Duration.ofDays(2)));
        inbox.on(old, twoDaysAgo, ReplayStatus.REGULAR);

        assertThat(inbox.inboxOf("olga", 10)).extracting(v -> store.entry(v.id()).orElseThrow().mailStatus())
                .containsExactlyInAnyOrder(MailStatus.REPLAYED, MailStatus.STALE);
    }

    @Test
    void the_requester_hears_of_the_decision_and_a_replay_keeps_only_the_mails_still_waiting() {
        EventMessage<?> granted = event(new ApprovalGranted("a-1", "b-1", "r-1", null));
        inbox.on((ApprovalGranted) granted.getPayload(), granted, ReplayStatus.REGULAR);
        levelStarted(List.of(), ReplayStatus.REPLAY);
        NotificationView approved = single("alice");
        assertThat(approved.type()).isEqualTo("BOOKING_APPROVED");
        // the booking's title and resource were never seen here: its id and time stand in for them
        assertThat(approved.message()).isEqualTo("Your booking b-1, Thu 10 Jan 2030, 09:00–10:00 (UTC) is approved and confirmed");

        inbox.reset();

        assertThat(inbox.handle(new FindNotificationsOf("alice", 10))).containsExactly(approved);
        assertThat(inbox.inboxOf("olga", 10)).isEmpty(); // a replay writes it again
    }

    @Test
    void a_replay_rebuilds_the_inbox_but_rings_no_bell_here_nor_on_another_node() {
        List<Object> rung = new ArrayList<>();
        SimpleQueryUpdateEmitter emitter = SimpleQueryUpdateEmitter.builder().build();
        emitter.registerUpdateHandler(new GenericSubscriptionQueryMessage<>(new WatchNotifications("olga"),
                        ResponseTypes.instanceOf(Object.class), ResponseTypes.instanceOf(NotificationView.class)), 16)
                .getUpdates().subscribe(update -> rung.add(update.getPayload()));
        inbox = new NotificationInbox(store, emitter, TOKENS, "http://aura.test/", "smtp.test",
                Optional.of(new ViewChanges() {
                    @Override
                    public void bookingChanged(String bookingId) {}

                    @Override
                    public void heatmapChanged(HeatmapChanged change) {}

                    @Override
                    public void approvalChanged(String approvalId) {}

                    @Override
                    public void notificationAdded(String entryId) {
                        rung.add("other nodes: " + entryId);
                    }
                }));

        levelStarted(List.of(), ReplayStatus.REPLAY);

        assertThat(inbox.inboxOf("olga", 10)).hasSize(1);
        assertThat(rung).isEmpty();

        EventMessage<?> issued = event(new ApprovalTokenIssued("a-1", "b-1", "t-1", "olga", 0, SLOT.start()));
        inbox.on((ApprovalTokenIssued) issued.getPayload(), issued, ReplayStatus.REGULAR);

        assertThat(rung).hasSize(2);
    }

    private EventMessage<?> levelStarted(List<String> named, ReplayStatus replay) {
        EventMessage<?> started = event(new ApprovalLevelStarted("a-1", "b-1", 0, "any", named, "APPROVER",
                SLOT.start(), SLOT.start(), SLOT.start()));
        inbox.on((ApprovalLevelStarted) started.getPayload(), started, replay);
        return started;
    }

    private NotificationView single(String user) {
        List<NotificationView> entries = inbox.inboxOf(user, 10);
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    static EventMessage<?> event(Object payload) {
        return new GenericEventMessage<>(payload);
    }

    private static ApprovalTokens tokens() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            return new ApprovalTokens(new SigningKeys((ECPrivateKey) keys.getPrivate(), (ECPublicKey) keys.getPublic()),
                    Clock.systemUTC());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
