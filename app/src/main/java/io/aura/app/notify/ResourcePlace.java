package io.aura.app.notify;

/** A resource's name and time zone, as registered: where its notifications say a booking is, and when. */
public record ResourcePlace(String id, String name, String timeZone) {}
