package io.aura.kernel.schedule;

import java.time.ZoneId;

/**
 * Whether a booking falls at night where its resource is: any of its minutes outside the local day of
 * 07:00–20:00 in the resource's time zone (a Sydney room booked at 09:00 Chicago time is used at 02:00
 * there). A warning for the person booking, never a refusal: a night shift may mean it. Resources declare
 * no opening hours yet; once they do, those replace this default day.
 */
public final class NightHours {
    private NightHours() {}

    /** The local hour the day starts (inclusive) and ends (exclusive). */
    public static final int DAY_STARTS = 7;
    public static final int DAY_ENDS = 20;

    /** Minutes of {@code range} outside 07:00–20:00 local time in {@code zone}. */
    public static long minutesAtNight(TimeRange range, ZoneId zone) {
        // by local clock hours, so a night on which the clocks change counts its real minutes
        return LocalHours.of(range, zone).stream().filter(s -> s.hour() < DAY_STARTS || s.hour() >= DAY_ENDS)
                .mapToLong(LocalHours.Slice::minutes).sum();
    }

    public static boolean fallsAtNight(TimeRange range, ZoneId zone) {
        return minutesAtNight(range, zone) > 0;
    }
}
