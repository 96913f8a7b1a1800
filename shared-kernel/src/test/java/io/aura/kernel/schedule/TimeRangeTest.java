package io.aura.kernel.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeRangeTest {

    @Test
    void a_time_finer_than_a_millisecond_is_kept_to_the_millisecond_as_a_mongodb_view_keeps_it() {
        TimeRange range = new TimeRange(Instant.parse("2026-12-07T09:00:00.123456789Z"),
                Instant.parse("2026-12-07T10:00:00.999999Z"));

        assertThat(range.start()).isEqualTo(Instant.parse("2026-12-07T09:00:00.123Z"));
        assertThat(range.end()).isEqualTo(Instant.parse("2026-12-07T10:00:00.999Z"));
    }

    @Test
    void the_same_range_read_back_from_a_store_at_millisecond_precision_is_equal() {
        Instant start = Instant.parse("2026-12-07T09:00:00.000000500Z");
        assertThat(new TimeRange(start, start.plusSeconds(60)))
                .isEqualTo(new TimeRange(Instant.parse("2026-12-07T09:00:00Z"), Instant.parse("2026-12-07T09:01:00Z")));
    }
}
