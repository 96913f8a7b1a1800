package io.aura.kernel.booking;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One reason the ranker gives for a slot, as a value (ADR 0054): its {@link ReasonCode} and the values it quotes,
 * numbers as {@code Long}, a time zone as its id. Each edge words it in its reader's language; nothing here is
 * English, so the same reason reads "12% booked" to the API and "12 % gebucht" in the German form.
 */
public record Reason(ReasonCode code, List<Object> args) {
    public Reason {
        Objects.requireNonNull(code, "code");
        args = args == null ? List.of() : args.stream().map(Reason::value).toList();
        int extra = args.size() - code.quoted();
        if (extra < 0 || extra > (code.mayQuoteMedian() ? 1 : 0)) {
            throw new IllegalArgumentException(code + " quotes " + code.quoted() + " values, not " + args.size());
        }
    }

    public static Reason of(ReasonCode code, Object... args) {
        return new Reason(code, Arrays.asList(args));
    }

    /** The {@code i}th value as a number. */
    public long number(int i) {
        return (Long) args.get(i);
    }

    /** The {@code i}th value as text. */
    public String text(int i) {
        return String.valueOf(args.get(i));
    }

    /** The median decision time quoted after the values (approvals only), in the unit it is told in. */
    public Optional<Span> median() {
        return args.size() > code.quoted() ? Optional.of(Span.ofMinutes(number(code.quoted()))) : Optional.empty();
    }

    /** A time told in its most readable unit: minutes below 90, hours below 48, days beyond. */
    public record Span(long amount, Unit unit) {
        public enum Unit { MINUTES, HOURS, DAYS }

        public static Span ofMinutes(long minutes) {
            return minutes < 90 ? new Span(minutes, Unit.MINUTES) : minutes < 48 * 60
                    ? new Span(Math.round(minutes / 60.0), Unit.HOURS) : new Span(Math.round(minutes / 1440.0), Unit.DAYS);
        }
    }

    // a number read back from JSON may be an Integer: one type per kind of value, so equal reasons are equal
    private static Object value(Object v) {
        Objects.requireNonNull(v, "a reason's value");
        return v instanceof Number n ? (Object) n.longValue() : v.toString();
    }
}
