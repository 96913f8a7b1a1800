package io.aura.app.notify;

/** Who asked, remembered per approval: later approval events name only the approval. */
public record ApprovalContext(String id, String bookingId, String resourceId, String requester) {}
