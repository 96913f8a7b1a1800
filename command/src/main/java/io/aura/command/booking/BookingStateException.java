package io.aura.command.booking;

/** The booking is not in a state that allows this (HTTP 409). */
public class BookingStateException extends RuntimeException {
    public BookingStateException(String message) {
        super(message);
    }
}
