package io.aura.ui.admin;

import com.vaadin.flow.component.Component;
import io.aura.kernel.validation.FieldViolation;
import java.util.Map;

/**
 * A refusal's message in the viewer's language where the administration bundle knows it (the kernel and the
 * gateway word their rules in English, for the API); any other message is shown as it came.
 */
final class FieldMessages {
    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("name|another resource has this name", "admin.error.name-taken"),
            Map.entry("name|must not be blank", "admin.error.required"),
            Map.entry("approvers|are asked only when approval is required: set approvalRequired, or leave approvers "
                    + "out", "admin.error.approvers-need-approval"),
            Map.entry("capacity|must be between 1 and 100000", "admin.error.capacity"),
            Map.entry("timeZone|must be an IANA time zone such as Europe/Berlin", "admin.error.zone"),
            Map.entry("bufferMinutes|must be between 0 and 1440", "admin.error.buffer"),
            Map.entry("minDurationMinutes|must be at least 1", "admin.error.min-minutes"),
            Map.entry("maxDurationMinutes|must be between 1 and 44640 (31 days)", "admin.error.max-minutes"),
            Map.entry("maxDurationMinutes|must not be less than minDurationMinutes", "admin.error.max-below-min"),
            Map.entry("bookingWindowDays|must be between 1 and 3650", "admin.error.window-days"),
            Map.entry("approvalDeadline|must be between PT10S and P30D", "admin.error.deadline"));

    private static final String UNKNOWN_USER = "no user is called '";

    private FieldMessages() {}

    static String of(Component view, FieldViolation v) {
        String message = v.message() == null ? "" : v.message();
        if (message.startsWith(UNKNOWN_USER) && message.endsWith("'")) {
            return view.getTranslation("admin.error.unknown-user",
                    message.substring(UNKNOWN_USER.length(), message.length() - 1));
        }
        String key = KNOWN.get(v.field() + "|" + message);
        return key == null ? v.message() : view.getTranslation(key);
    }
}
