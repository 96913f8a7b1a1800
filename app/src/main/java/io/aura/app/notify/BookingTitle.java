package io.aura.app.notify;

/** A booking's title and resource, as requested: what its notifications call it. {@code id} is the booking's. */
public record BookingTitle(String id, String title, String resourceId) {}
