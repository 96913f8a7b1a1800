package io.aura.ui.booking;

import io.aura.kernel.booking.BookingStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a block on the calendar looks, decided from what it is and nothing else: each resource keeps one
 * colour (chosen by its id, so every screen and every day agrees), the viewer's own bookings are solid
 * and marked, everyone else's are a light tint outlined in the resource's colour, pending ones are
 * striped amber (as everywhere else in the UI) with the resource's colour on their edge, and closed
 * time (blackouts, Outlook meetings) is grey. Every text colour holds WCAG AA (4.5:1) on its fill.
 */
public final class CalendarColours {
    private CalendarColours() {}

    /** Eight hues far enough apart to tell resources apart, each dark enough to carry white text. */
    static final List<String> PALETTE = List.of("#1a6fd6", "#2e7d32", "#c62828", "#6a1b9a", "#b35900", "#00796b",
            "#ad1457", "#795548");

    static final String PENDING_FILL = "#fde7b0";
    static final String PENDING_TEXT = "#5c3d00";
    static final String CLOSED = "#6b7280";
    static final String WHITE = "#ffffff";
    static final String DARK_TEXT = "#1f2937";

    /** White, or dark text where white on {@code fill} falls short of AA (4.5:1). */
    static String readableOn(String fill) {
        return contrast(WHITE, fill) >= 4.5 ? WHITE : DARK_TEXT;
    }

    /** What FullCalendar needs to draw a block: fill, outline, text colour and CSS classes (aura.css). */
    public record Look(String background, String border, String text, List<String> classes) {}

    /** The resource's colour; the first of the palette when the resource is unknown. */
    public static String of(String resourceId) {
        return resourceId == null ? PALETTE.get(0) : PALETTE.get(Math.floorMod(resourceId.hashCode(), PALETTE.size()));
    }

    /** A booking of {@code resourceId} in {@code status}, the viewer's own ({@code mine}) or someone else's. */
    public static Look look(String resourceId, boolean mine, BookingStatus status) {
        return look(resourceId, null, mine, status);
    }

    /**
     * As above, in its category's colour when it has one (ADR 0040: the calendar colours a booking by its category);
     * the text turns dark where white would not hold AA on a light category colour.
     */
    public static Look look(String resourceId, String categoryColour, boolean mine, BookingStatus status) {
        boolean inCategory = categoryColour != null && categoryColour.matches("#[0-9A-Fa-f]{6}");
        String colour = inCategory ? categoryColour.toLowerCase(Locale.ROOT) : of(resourceId);
        if (inCategory && status != BookingStatus.PENDING_APPROVAL) {
            List<String> classes = List.of("aura-booking", "aura-" + status.name().toLowerCase(Locale.ROOT),
                    mine ? "aura-mine" : "aura-others", "aura-category");
            if (mine) {
                return new Look(colour, colour, readableOn(colour), classes);
            }
            String fill = tint(colour);
            String text = contrast(shade(colour), fill) >= 4.5 ? shade(colour) : DARK_TEXT;
            return new Look(fill, colour, text, classes);
        }
        List<String> classes = new ArrayList<>(List.of("aura-booking",
                "aura-" + status.name().toLowerCase(Locale.ROOT), mine ? "aura-mine" : "aura-others"));
        if (status == BookingStatus.PENDING_APPROVAL) {
            // the status speaks first (amber, striped in aura.css); the resource's colour stays on the edge
            return new Look(PENDING_FILL, colour, PENDING_TEXT, List.copyOf(classes));
        }
        return mine ? new Look(colour, colour, WHITE, List.copyOf(classes))
                : new Look(tint(colour), colour, shade(colour), List.copyOf(classes));
    }

    /** A blackout or an Outlook meeting: grey, behind the bookings. */
    public static Look closed() {
        return new Look(CLOSED, CLOSED, "#1f2937", List.of("aura-closed"));
    }

    /** The light fill of others' bookings: 12% of the colour on white. */
    static String tint(String colour) {
        return mix(colour, 0.12, 255);
    }

    /** The text on that fill: the colour at 55% towards black. */
    static String shade(String colour) {
        return mix(colour, 0.45, 0);
    }

    private static String mix(String colour, double share, int other) {
        int[] rgb = rgb(colour);
        StringBuilder out = new StringBuilder("#");
        for (int c : rgb) {
            out.append(String.format(Locale.ROOT, "%02x", (int) Math.round(c * share + other * (1 - share))));
        }
        return out.toString();
    }

    /** WCAG 2 contrast ratio of two {@code #rrggbb} colours (1 to 21). */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String colour) {
        int[] rgb = rgb(colour);
        double[] weights = {0.2126, 0.7152, 0.0722};
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            double c = rgb[i] / 255.0;
            sum += weights[i] * (c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
        return sum;
    }

    private static int[] rgb(String colour) {
        return new int[] {Integer.parseInt(colour.substring(1, 3), 16), Integer.parseInt(colour.substring(3, 5), 16),
                Integer.parseInt(colour.substring(5, 7), 16)};
    }
}
