package io.aura.command.schedule;

import static io.aura.command.schedule.ResourceScheduleHoldsTest.REGISTERED;
import static io.aura.command.schedule.ScheduleTestData.R;
import static io.aura.command.schedule.ScheduleTestData.at;
import static io.aura.command.schedule.ScheduleTestData.holdPlaced;
import static io.aura.command.schedule.ScheduleTestData.placeHold;

import io.aura.command.Fixtures;
import io.aura.kernel.schedule.Conflict;
import io.aura.kernel.schedule.ScheduleCommands.LinkExternalCalendar;
import io.aura.kernel.schedule.ScheduleCommands.RecordExternalBusy;
import io.aura.kernel.schedule.ScheduleEvents.ExternalBusyChanged;
import io.aura.kernel.schedule.ScheduleEvents.ExternalCalendarLinked;
import io.aura.kernel.schedule.ScheduleEvents.ExternalCalendarUnlinked;
import io.aura.kernel.schedule.ScheduleEvents.HoldRefused;
import io.aura.kernel.schedule.TimeRange;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A resource's Outlook calendar counts against its bookings like its own holds, as last read. */
class ResourceScheduleExternalCalendarTest {
    static final String ROOM_MAILBOX = "room-a@contoso.com";
    static final TimeRange DAY = at("00:00", "23:59");
    static final ExternalCalendarLinked LINKED = new ExternalCalendarLinked(R, ROOM_MAILBOX);

    FixtureConfiguration<ResourceSchedule> fixture;

    @BeforeEach
    void setUp() {
        fixture = Fixtures.fixtureFor(ResourceSchedule.class);
    }

    @Test
    void linking_a_calendar_records_its_mailbox_and_linking_it_again_changes_nothing() {
        fixture.given(REGISTERED)
                .when(new LinkExternalCalendar(R, " Room-A@contoso.com "))
                .expectEvents(LINKED);
        fixture.given(REGISTERED, LINKED)
                .when(new LinkExternalCalendar(R, ROOM_MAILBOX))
                .expectNoEvents();
    }

    @Test
    void linking_another_calendar_unlinks_the_first_and_an_empty_mailbox_unlinks() {
        fixture.given(REGISTERED, LINKED)
                .when(new LinkExternalCalendar(R, "hall@contoso.com"))
                .expectEvents(new ExternalCalendarUnlinked(R, ROOM_MAILBOX), new ExternalCalendarLinked(R, "hall@contoso.com"));
        fixture.given(REGISTERED, LINKED)
                .when(new LinkExternalCalendar(R, ""))
                .expectEvents(new ExternalCalendarUnlinked(R, ROOM_MAILBOX));
    }

    @Test
    void a_read_of_the_calendar_is_recorded_sorted_only_when_it_differs_from_what_is_known() {
        fixture.given(REGISTERED, LINKED)
                .when(new RecordExternalBusy(R, ROOM_MAILBOX, DAY, List.of(at("14:00", "15:00"), at("09:00", "10:00"))))
                .expectEvents(new ExternalBusyChanged(R, ROOM_MAILBOX, DAY, List.of(at("09:00", "10:00"), at("14:00", "15:00"))));
        fixture.given(REGISTERED, LINKED,
                        new ExternalBusyChanged(R, ROOM_MAILBOX, DAY, List.of(at("09:00", "10:00"), at("14:00", "15:00"))))
                .when(new RecordExternalBusy(R, ROOM_MAILBOX, DAY, List.of(at("14:00", "15:00"), at("09:00", "10:00"))))
                .expectNoEvents();
    }

    @Test
    void a_read_of_a_calendar_that_is_not_linked_changes_nothing() {
        fixture.given(REGISTERED)
                .when(new RecordExternalBusy(R, ROOM_MAILBOX, DAY, List.of(at("09:00", "10:00"))))
                .expectNoEvents();
        fixture.given(REGISTERED, new ExternalCalendarLinked(R, "hall@contoso.com"))
                .when(new RecordExternalBusy(R, ROOM_MAILBOX, DAY, List.of(at("09:00", "10:00"))))
                .expectNoEvents();
    }

    @Test
    void a_booking_over_an_outlook_busy_time_is_refused_naming_it_external() {
        fixture.given(REGISTERED, LINKED, new ExternalBusyChanged(R, ROOM_MAILBOX, DAY, List.of(at("09:00", "10:00"))))
                .when(placeHold("b-1", at("09:30", "10:30")).build())
                .expectEvents(new HoldRefused(R, "b-1", List.of(at("09:30", "10:30")),
                        List.of(new Conflict(at("09:00", "10:00"), Conflict.Source.EXTERNAL, null, at("09:30", "10:30"))),
                        List.of(), List.of(at("10:15", "11:15"), at("10:30", "11:30"), at("10:45", "11:45"))));
    }

    @Test
    void a_busy_time_gone_from_outlook_frees_the_slot_and_one_outside_the_read_window_stays() {
        TimeRange morning = at("00:00", "12:00");
        fixture.given(REGISTERED, LINKED,
                        new ExternalBusyChanged(R, ROOM_MAILBOX, DAY, List.of(at("09:00", "10:00"), at("14:00", "15:00"))),
                        new ExternalBusyChanged(R, ROOM_MAILBOX, morning, List.of()))
                .when(placeHold("b-1", at("09:00", "10:00"), at("14:00", "15:00")).skippingConflicts().build())
                .expectEvents(holdPlaced("b-1", at("09:00", "10:00")).skipping(at("14:00", "15:00"),
                        new Conflict(at("14:00", "15:00"), Conflict.Source.EXTERNAL, null, at("14:00", "15:00"))).build());
    }

    @Test
    void unlinking_forgets_what_the_calendar_showed() {
        fixture.given(REGISTERED, LINKED, new ExternalBusyChanged(R, ROOM_MAILBOX, DAY, List.of(at("09:00", "10:00"))),
                        new ExternalCalendarUnlinked(R, ROOM_MAILBOX))
                .when(placeHold("b-1", at("09:00", "10:00")).build())
                .expectEvents(holdPlaced("b-1", at("09:00", "10:00")).build());
    }
}
