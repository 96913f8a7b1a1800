package io.aura.ui;

/**
 * Where the sign-in page sends a person who signs in through the OpenID provider (ADR 0042), and the
 * provider's name on the button; there is no such bean while single sign-on is off.
 */
public record SingleSignOnLink(String providerName, String href) {}
