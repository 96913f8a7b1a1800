package io.aura.kernel.report;

import java.time.LocalDate;

/**
 * One resource on one local day: the minutes it is open (bookable), booked (dates that held it: confirmed or
 * not turned up to), and used (from check-in to the end of the dates checked in to).
 */
public record UtilizationRow(LocalDate day, String resourceId, String resourceName, long bookableMinutes,
                             long bookedMinutes, long checkedInMinutes) {
    public static final String CSV_HEADER = "day,resourceId,resourceName,bookableMinutes,bookedMinutes,checkedInMinutes";
}
