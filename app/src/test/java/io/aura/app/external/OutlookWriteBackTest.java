package io.aura.app.external;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.external.OutlookOutbox.Delivery;
import io.aura.app.external.OutlookOutbox.Kind;
import io.aura.app.storage.SqliteTestDatabase;
import io.aura.kernel.booking.BookingEvents.BookingCancelled;
import io.aura.kernel.booking.BookingEvents.BookingConfirmed;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.booking.BookingEvents.BookingRescheduled;
import io.aura.kernel.booking.BookingEvents.OccurrenceMarkedNoShow;
import io.aura.kernel.schedule.ConflictPolicy;
import io.aura.kernel.schedule.ScheduleEvents.ExternalCalendarLinked;
import io.aura.kernel.schedule.ScheduleEvents.ExternalCalendarUnlinked;
import io.aura.kernel.schedule.TimeRange;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** Which booking events become which Outlook writes (ADR 0043), and that each does so once. */
class OutlookWriteBackTest {
    static final Instant NOW = Instant.parse("2030-01-07T08:00:00Z");
    static final TimeRange NINE = new TimeRange(NOW.plus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(2)));
    static final TimeRange NEXT_DAY = new TimeRange(NINE.start().plus(Duration.ofDays(1)), NINE.end().plus(Duration.ofDays(1)));
    static final TimeRange YESTERDAY = new TimeRange(NINE.start().minus(Duration.ofDays(1)), NINE.end().minus(Duration.ofDays(1)));
    static final TimeRange LATER = new TimeRange(NEXT_DAY.start().plus(Duration.ofHours(4)), NEXT_DAY.end().plus(Duration.ofHours(4)));
    static final String ROOM = "room-a@contoso.com";

    @TempDir
    Path dir;
    SqliteTestDatabase database;
    SqlOutlookOutbox outbox;
    OutlookWriteBack writeBack;

    @BeforeEach
    void setUp() {
        database = new SqliteTestDatabase(dir);
        outbox = new SqlOutlookOutbox(database.writer, database.reader, database.transactions).createSchema();
        writeBack = new OutlookWriteBack(outbox, new StaticListableBeanFactory().getBeanProvider(
                io.aura.kernel.schedule.ExternalEvents.class), null, Clock.fixed(NOW, ZoneOffset.UTC), 12,
                Duration.ofSeconds(2), Duration.ofHours(1));
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    static EventMessage<?> message(String id, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Booking", "b-1", sequence, payload, org.axonframework.messaging.MetaData.emptyInstance(),
                id, NOW);
    }

    static BookingRequested requested(String resourceId, TimeRange... dates) {
        return new BookingRequested("b-1", resourceId, "Board", dates[0], List.of(dates), null,
                ConflictPolicy.ALL_OR_NOTHING, 4, List.of(), null, "alice");
    }

    void confirm(String eventId, BookingConfirmed e) {
        writeBack.on(e, 1, message(eventId, 1, e));
    }

    @Test
    void each_held_date_on_a_linked_resource_not_yet_over_is_created_once_however_often_the_event_comes() {
        writeBack.on(new ExternalCalendarLinked("r-1", ROOM));
        writeBack.on(requested("r-1", YESTERDAY, NINE, NEXT_DAY));
        BookingConfirmed confirmed = new BookingConfirmed("b-1", "r-1", List.of(YESTERDAY, NINE, NEXT_DAY), List.of(),
                List.of());

        confirm("event-1", confirmed);
        confirm("event-1", confirmed); // redelivered

        assertThat(outbox.deliveriesOf("b-1")).extracting(Delivery::kind, Delivery::times, Delivery::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.CREATE, NINE, "Board"),
                        org.assertj.core.groups.Tuple.tuple(Kind.CREATE, NEXT_DAY, "Board"));
    }

    @Test
    void a_moved_date_is_moved_a_released_one_deleted_and_a_cancellation_deletes_the_rest_not_yet_over() {
        writeBack.on(new ExternalCalendarLinked("r-1", ROOM));
        writeBack.on(requested("r-1", NINE, NEXT_DAY));
        confirm("event-1", new BookingConfirmed("b-1", "r-1", List.of(NINE, NEXT_DAY), List.of(), List.of()));

        BookingRescheduled moved = new BookingRescheduled("b-1", "r-1", NEXT_DAY, LATER);
        writeBack.on(moved, 3, message("event-3", 3, moved));
        OccurrenceMarkedNoShow noShow = new OccurrenceMarkedNoShow("b-1", "r-1", NINE, NOW, "alice");
        writeBack.on(noShow, 4, message("event-4", 4, noShow));
        BookingCancelled cancelled = new BookingCancelled("b-1", "r-1", "no longer needed");
        writeBack.on(cancelled, 5, message("event-5", 5, cancelled));

        assertThat(outbox.deliveriesOf("b-1")).extracting(Delivery::kind, Delivery::date, Delivery::times)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.CREATE, NINE.start(), NINE),
                        org.assertj.core.groups.Tuple.tuple(Kind.CREATE, NEXT_DAY.start(), NEXT_DAY),
                        org.assertj.core.groups.Tuple.tuple(Kind.MOVE, NEXT_DAY.start(), LATER),
                        org.assertj.core.groups.Tuple.tuple(Kind.DELETE, NINE.start(), NINE),
                        org.assertj.core.groups.Tuple.tuple(Kind.DELETE, NEXT_DAY.start(), LATER));
    }

    @Test
    void a_booking_on_a_resource_not_linked_when_it_was_requested_is_not_written() {
        writeBack.on(new ExternalCalendarLinked("r-1", ROOM));
        writeBack.on(new ExternalCalendarUnlinked("r-1", ROOM));
        writeBack.on(requested("r-1", NINE));
        writeBack.on(new ExternalCalendarLinked("r-1", ROOM));

        confirm("event-1", new BookingConfirmed("b-1", "r-1", List.of(NINE), List.of(), List.of()));

        assertThat(outbox.deliveriesOf("b-1")).isEmpty();
    }
}
