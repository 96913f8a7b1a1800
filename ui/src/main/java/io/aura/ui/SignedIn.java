package io.aura.ui;

import io.aura.gateway.Caller;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who is signed in, read from the security context at every call (Vaadin keeps it with the session,
 * also inside {@code UI.access}) through the gateway's {@link Caller}, as the HTTP API reads it. The
 * UI's services act as that person — never as a name or roles a view hands them — and refuse what the
 * HTTP API would refuse.
 */
public final class SignedIn {
    private SignedIn() {}

    public static String name() {
        return Caller.current().name();
    }

    /** The roles by name, as commands carry them. */
    public static List<String> roles() {
        return Caller.current().roles().stream().sorted().map(Enum::name).toList();
    }

    public static boolean has(String role) {
        return roles().contains(role);
    }

    /** A view hides what a user may not do; the service refuses it anyway (a hidden button is no check). */
    public static void requireAnyRole(String... roles) {
        List<String> mine = roles();
        if (Arrays.stream(roles).noneMatch(mine::contains)) {
            throw new AccessDeniedException("Only " + String.join(" or ", roles) + " may do this");
        }
    }
}
