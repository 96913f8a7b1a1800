package io.aura.command.schedule;

import static io.aura.command.schedule.ScheduleTestData.R;
import static io.aura.command.schedule.ScheduleTestData.aResource;
import static io.aura.command.schedule.ScheduleTestData.at;
import static io.aura.command.schedule.ScheduleTestData.holdPlaced;
import static io.aura.command.schedule.ScheduleTestData.placeHold;

import io.aura.command.Fixtures;
import io.aura.kernel.resource.ResourceEvents.ResourceRegistered;
import io.aura.kernel.schedule.Conflict;
import io.aura.kernel.schedule.ScheduleCommands.AddBlackout;
import io.aura.kernel.schedule.ScheduleCommands.RemoveBlackout;
import io.aura.kernel.schedule.ScheduleEvents.BlackoutAdded;
import io.aura.kernel.schedule.ScheduleEvents.BlackoutRemoved;
import io.aura.kernel.schedule.ScheduleEvents.HoldRefused;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.InvalidInputException;
import java.time.Duration;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A repeating blackout closes every date of its RRULE, expanded once by the schedule in the resource's zone. */
class ResourceScheduleRepeatingBlackoutTest {
    static final ResourceRegistered REGISTERED = new ResourceRegistered(R, aResource("Room A").durationMinutes(15, 240)
            .bookableDaysAhead(30).build());
    static final TimeRange FIRST = at("12:00", "13:00");
    static final List<TimeRange> THREE_DAYS = List.of(FIRST, days(FIRST, 1), days(FIRST, 2));
    static final BlackoutAdded DAILY_THRICE = new BlackoutAdded(R, "x-1", FIRST, "lunch cleaning",
            "RRULE:FREQ=DAILY;COUNT=3", THREE_DAYS);

    FixtureConfiguration<ResourceSchedule> fixture;

    @BeforeEach
    void setUp() {
        fixture = Fixtures.fixtureFor(ResourceSchedule.class);
    }

    static TimeRange days(TimeRange range, int days) {
        return new TimeRange(range.start().plus(Duration.ofDays(days)), range.end().plus(Duration.ofDays(days)));
    }

    @Test
    void a_repeating_blackout_records_every_date_it_closes() {
        fixture.given(REGISTERED)
                .when(new AddBlackout(R, "x-1", FIRST, "lunch cleaning", "RRULE:FREQ=DAILY;COUNT=3"))
                .expectEvents(DAILY_THRICE);
    }

    @Test
    void a_booking_on_its_third_date_is_refused_by_the_blackout() {
        TimeRange third = days(at("12:30", "13:00"), 2);
        fixture.given(REGISTERED, DAILY_THRICE)
                .when(placeHold("b-1", third).build())
                .expectEvents(new HoldRefused(R, "b-1", List.of(third),
                        List.of(new Conflict(days(FIRST, 2), Conflict.Source.BLACKOUT, null, third)), List.of(),
                        List.of(days(at("13:00", "13:30"), 2), days(at("13:15", "13:45"), 2),
                                days(at("13:30", "14:00"), 2))));
    }

    @Test
    void removing_it_records_every_date_it_closed() {
        fixture.given(REGISTERED, DAILY_THRICE)
                .when(new RemoveBlackout(R, "x-1"))
                .expectEvents(new BlackoutRemoved(R, "x-1", FIRST, THREE_DAYS));
    }

    @Test
    void removing_it_opens_every_date_again() {
        TimeRange third = days(at("12:30", "13:00"), 2);
        fixture.given(REGISTERED, DAILY_THRICE, new BlackoutRemoved(R, "x-1", FIRST, THREE_DAYS))
                .when(placeHold("b-1", third).build())
                .expectEvents(holdPlaced("b-1", third).build());
    }

    @Test
    void an_endless_rule_is_refused_naming_the_recurrence_and_nothing_is_recorded() {
        fixture.given(REGISTERED)
                .when(new AddBlackout(R, "x-1", FIRST, "forever", "RRULE:FREQ=DAILY"))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }
}
