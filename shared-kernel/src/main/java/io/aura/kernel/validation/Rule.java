package io.aura.kernel.validation;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;

/**
 * Every rule a caller's input or request can break, named once. A {@link FieldViolation} carries its rule and
 * the values it quotes, so the API answers the English below while the web UI words the same rule in the
 * viewer's language (its {@code refusal} bundles hold one text per constant; a test keeps them complete).
 * Violations are stored inside events: a constant, once released, is never renamed or removed.
 */
public enum Rule {
    REQUIRED("is required"),
    NOT_BLANK("must not be blank"),
    NOT_NULL("must not be null"),
    NOT_NEGATIVE("must not be negative"),
    TOO_LONG("must be at most {0} characters"),
    CONTROL_CHARACTERS("must not contain control characters"),
    CONTROL_CHARACTERS_OR_LINE_BREAKS("must not contain control characters or line breaks"),
    BIDIRECTIONAL_OVERRIDES("must not contain bidirectional overrides"),
    INSTANT_OUT_OF_RANGE("must be between 1970-01-01 and 2200-01-01"),

    LANGUAGE_NOT_OFFERED("must be one of {0}"),
    USERNAME_SHAPE("must be 2-64 characters: lower-case letters, digits, ''.'', ''_'' or ''-'', starting with a "
            + "letter or digit"),
    ROLES_REQUIRED("must name at least one of REQUESTER, APPROVER, ADMIN, AUDITOR"),
    NOT_AN_EMAIL("is not an e-mail address"),
    PASSWORD_TOO_SHORT("must be at least {0} characters"),
    PASSWORD_TOO_LONG("must be at most 72 bytes in UTF-8 (fewer characters when they are not plain ASCII)"),

    ATTENDEES_NOT_A_NUMBER("must be a number (0 to {0})"),
    TOO_MANY_ATTENDEE_NAMES("may name at most {0} people"),
    UNKNOWN_RESOURCE("no resource has this id"),
    RESOURCE_RETIRED("this resource is retired and takes no new bookings; choose another resource"),
    SHORTER_THAN_RESOURCE_ALLOWS("the booking lasts {0} min; this resource needs at least {1} min"),
    LONGER_THAN_RESOURCE_ALLOWS("the booking lasts {0} min; this resource allows at most {1} min"),
    IN_THE_PAST("is in the past"),
    BEYOND_BOOKING_WINDOW("is beyond this resource''s booking window of {0} days"),
    OVER_CAPACITY("{0} attendees exceed this resource''s capacity of {1}"),
    HOLDS_NOTHING("holds nothing on this resource"),
    SERIES_MOVED_WHOLE("is a series: cancel an occurrence and book it again instead"),
    MOVE_AWAITING_APPROVAL("has a move waiting for approval"),

    RRULE_INVALID("is not a valid RRULE: {0}"),
    RRULE_BEYOND_LIMIT("runs beyond the limit of {0} days"),
    RRULE_ENDLESS("must end (COUNT or UNTIL) within {0} days"),
    RRULE_TOO_MANY("has more than {0} occurrences"),
    RRULE_IMPOSSIBLE_DATES("has dates that cannot exist ({0})"),
    RRULE_EMPTY("has no occurrence"),

    CAPACITY_RANGE("must be between 1 and 100000"),
    TIME_ZONE("must be an IANA time zone such as Europe/Berlin"),
    APPROVERS_WITHOUT_APPROVAL("are asked only when approval is required: set approvalRequired, or leave "
            + "approvers out"),
    BUFFER_RANGE("must be between 0 and 1440"),
    MIN_DURATION_RANGE("must be at least 1"),
    MAX_DURATION_RANGE("must be between 1 and 44640 (31 days)"),
    MAX_BELOW_MIN("must not be less than minDurationMinutes"),
    BOOKING_WINDOW_RANGE("must be between 1 and 3650"),
    APPROVAL_DEADLINE_RANGE("must be between PT10S and P30D"),
    APPROVAL_DEADLINE_FORMAT("must be an ISO-8601 duration such as PT48H"),
    RESOURCE_NAME_TAKEN("another resource has this name"),
    DAY_OF_WEEK_RANGE("must be between 1 (Monday) and 7 (Sunday)"),
    LOCAL_TIME_FORMAT("must be a local time such as 08:00 (24:00 only as an end)"),
    OPENS_BEFORE_CLOSING("must be before to"),
    OPENING_HOURS_OVERLAP("overlaps {0} on the same day"),
    OPENING_HOURS_TOO_MANY("may hold at most {0} intervals"),
    NOT_ICALENDAR("is not an iCalendar (ICS) file: {0}"),

    LEVEL_NAME_LENGTH("must be 1 to 80 characters"),
    LEVEL_WITHOUT_APPROVERS("name at least one approver or an approverRole"),
    NOT_A_ROLE("must be one of {0}"),
    NOT_ROLES("must be roles from {0}"),
    TOO_MANY_NAMES("must name at most {0} people"),
    BLANK_NAMES("must not contain blank names"),
    UNKNOWN_USER("no user is called ''{0}''"),
    APPROVERS_REQUIRED("name at least one approver"),
    APPROVAL_NEEDS_LEVEL("an approval needs a level"),
    OVERRIDE_NEEDS_REASON("an administrator''s override needs a reason"),

    WEBHOOK_URL("must be an absolute http or https URL"),

    ICS_TOO_MANY_EVENTS("holds more than {0} events"),
    ICS_WHOLE_DAY("is a whole day: only events with a time of day are booked"),
    ICS_RECURRENCE_UNSUPPORTED("uses {0}: only an RRULE is imported"),
    ICS_CANCELLED("is cancelled in the file"),
    CHECK_IN_WINDOW_RANGE("must be between {0} and {1}"),
    CHECK_IN_OUTSIDE_WINDOW("check-in is open from {0} to {1}"),
    CHECK_IN_NOTHING_HELD("this booking holds no date to check in to"),
    QUOTA_PERIOD("must be P1W (a week) or P1M (a month)"),
    QUOTA_LIMIT_REQUIRED("set maxMinutes, maxBookings or both"),
    QUOTA_LIMIT_RANGE("must be between 1 and {0}"),
    QUOTA_BOOKINGS_EXCEEDED("over quota {3}: at most {0} bookings in {2}, this request would make {1}"),
    QUOTA_MINUTES_EXCEEDED("over quota {3}: at most {0} minutes in {2}, this request would make {1}"),
    // the policy what-if (ADR 0048)
    PERIOD_END_NOT_AFTER_START("must be after from"),
    PERIOD_TOO_LONG("the period may span at most {0} days"),

    NO_SUCH_SITE("no such site"),
    TRAVEL_MINUTES_RANGE("must be a whole number of minutes from 0 to {0}"),
    TRAVEL_TO_ITSELF("must name another site than fromSiteId"),
    CATEGORY_COLOUR("must be a colour written #RRGGBB"),
    CATEGORY_NAME_TAKEN("another category has this name"),
    UNKNOWN_CATEGORY("no category has this name");

    private final String english;

    Rule(String english) {
        this.english = english;
    }

    /** The pattern the API's English message is made from ({@link MessageFormat}: quotes doubled). */
    public String englishPattern() {
        return english;
    }

    /** The API's English message, the arguments quoted as given (never re-formatted as numbers). */
    public String english(List<String> arguments) {
        return new MessageFormat(english, Locale.ROOT).format(arguments.toArray());
    }
}
