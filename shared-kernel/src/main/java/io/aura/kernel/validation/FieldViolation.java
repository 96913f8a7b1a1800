package io.aura.kernel.validation;

/** One rule a caller's input broke, named by the JSON field it came from. */
public record FieldViolation(String field, String message) {}
