package io.aura.app.web.fuzz;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * What the fuzzer puts in a field: jqwik's generators for strings and numbers (edge cases first:
 * empty, boundaries, odd code points), a list of values known to have broken servers like this one,
 * and plausible values so that a request gets past its first check and reaches the deeper ones.
 * Every stream comes from one seed, so a run can be repeated ({@code -Daura.fuzz.seed}).
 */
final class HostileValues {
    /** Text that servers, databases, parsers and terminals have been known to choke on. */
    static final List<String> KNOWN_BAD_TEXT = List.of("", " ", "\t", "null", "undefined", "NaN", "-1", "0", "1e400",
            "0x7fffffff", "99999999999999999999", "true", "[]", "{}", "{\"$gt\": \"\"}", "$where", "'; DROP TABLE x; --",
            "\" OR 1=1 --", "../../../../etc/passwd", "..%2f..%2f", "%00", "%zz", "%", "\u0000", "a\u0000b", "\r\nX-Injected: 1",
            "\u202egnp.exe", "\u2066x\u2069", "\u200b", "\ufeff", "\uffff", "😀", "e\u0301", "ＡＤＭＩＮ", "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/a}", "#{7*7}", "{{7*7}}", "%s%s%s%n", "\\", "\"", "/", "//", "?", "#", "&", "=",
            "admin ", " admin", "ADMIN", "root", "RRULE:FREQ=DAILY", "P1W", "PT-1S", "Europe/Nowhere", "UTC+25",
            "-999999999-01-01T00:00:00Z", "+1000000000-12-31T23:59:59.999999999Z", "1969-12-31T23:59:59Z",
            "2201-01-01T00:00:00Z", "2026-13-45T25:61:61Z", "2026-02-30T10:00:00Z", "2026-03-29T02:30:00",
            "2026-12-07T10:00:00+18:00", "2026-12-07T10:00:00-18:00", "now", "1765099200", "1765099200000");

    static final List<String> HOSTILE_RRULES = List.of("RRULE:FREQ=DAILY;INTERVAL=2147483647",
            "RRULE:FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=2;COUNT=3", "RRULE:FREQ=YEARLY;BYSETPOS=400;COUNT=2",
            "RRULE:FREQ=SECONDLY", "RRULE:FREQ=MINUTELY;COUNT=100000", "RRULE:FREQ=WEEKLY;UNTIL=99991231T000000Z",
            "RRULE:FREQ=DAILY;COUNT=-1", "RRULE:FREQ=DAILY;COUNT=0", "RRULE:FREQ=DAILY;BYDAY=XX", "RRULE:",
            "RRULE:FREQ=DAILY;COUNT=3\nRRULE:FREQ=HOURLY", "FREQ=DAILY;COUNT=2", "RRULE:FREQ=YEARLY;BYWEEKNO=54;COUNT=2",
            "RRULE:FREQ=DAILY;BYHOUR=25", "RRULE:FREQ=DAILY;COUNT=2;INTERVAL=0", "RRULE:FREQ=DAILY;COUNT=3");

    static final List<String> ZONES = List.of("Europe/Paris", "UTC", "America/New_York", "Asia/Kathmandu",
            "Pacific/Kiritimati", "Europe/Nowhere", "+25:00", "", "GMT+14");

    private final Random random;
    private final Iterator<String> anyText;
    private final Iterator<String> controlText;
    private final Iterator<Long> anyLong;
    private final Iterator<Integer> smallInt;

    HostileValues(long seed) {
        this.random = new Random(seed);
        net.jqwik.engine.SourceOfRandomness.create(Long.toString(seed)); // jqwik's samples from the same seed
        Arbitrary<String> unicode = Arbitraries.strings().withCharRange('\u0000', '\ud7ff')
                .withCharRange('\ue000', '\uffff').ofMaxLength(60);
        Arbitrary<String> longText = Arbitraries.integers().between(201, 70_000).map("x"::repeat);
        Arbitrary<String> huge = Arbitraries.just("y".repeat(1_100_000));
        this.anyText = Arbitraries.frequencyOf(Tuple.of(5, unicode), Tuple.of(4, Arbitraries.of(KNOWN_BAD_TEXT)),
                Tuple.of(2, longText), Tuple.of(1, huge)).sampleStream().iterator();
        this.controlText = Arbitraries.strings().withCharRange('\u0000', '\u001f').withChars('\u202e', '\u2066', '\u0085')
                .ofMinLength(1).ofMaxLength(8).map(s -> "Room " + s).sampleStream().iterator();
        this.anyLong = Arbitraries.longs().sampleStream().iterator();
        this.smallInt = Arbitraries.integers().between(-5, 200).sampleStream().iterator();
    }

    Random random() {
        return random;
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    String text() {
        return chance(0.15) ? controlText.next() : anyText.next();
    }

    /** A number as JSON has it: past int and long, fractional, negative, or one of jqwik's. */
    Object number() {
        return switch (random.nextInt(10)) {
            case 0 -> Integer.MAX_VALUE;
            case 1 -> (long) Integer.MAX_VALUE + 1;
            case 2 -> Long.MIN_VALUE;
            case 3 -> BigInteger.TWO.pow(64);
            case 4 -> new BigDecimal("1e400");
            case 5 -> 1.5;
            case 6 -> -1;
            case 7 -> smallInt.next();
            default -> anyLong.next();
        };
    }

    String instant() {
        if (chance(0.5)) {
            return pick(KNOWN_BAD_TEXT.subList(KNOWN_BAD_TEXT.indexOf("-999999999-01-01T00:00:00Z"), KNOWN_BAD_TEXT.size()));
        }
        return plausibleInstant().toString();
    }

    /** A half hour in the coming weeks, on the half hour, as a caller would ask for. */
    Instant plausibleInstant() {
        return Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(30L * (2 + random.nextInt(24 * 2 * 21))));
    }

    String rrule() {
        return chance(0.7) ? pick(HOSTILE_RRULES) : text();
    }
}
