package io.aura.kernel.report;

/**
 * One week of one key (a person, a resource or a category): the dates booked, their minutes, and the minutes
 * from check-in (or the start, when checked in early) to the end of the dates checked in to.
 */
public record TimesheetRow(String week, String key, long bookings, long minutes, long checkedInMinutes) {
    public static final String CSV_HEADER = "week,key,bookings,minutes,checkedInMinutes";
}
