package io.aura.ui;

import java.util.Arrays;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is signed in, read from the security context at every call (Vaadin keeps it with the session,
 * also inside {@code UI.access}). The UI's services act as that person — never as a name or roles a
 * view hands them — and refuse what the HTTP API would refuse.
 */
public final class SignedIn {
    private SignedIn() {}

    private static Authentication authentication() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            throw new AccessDeniedException("Sign in first");
        }
        return auth;
    }

    public static String name() {
        return authentication().getName();
    }

    /** The roles without Spring's ROLE_ prefix, as commands carry them. */
    public static List<String> roles() {
        return authentication().getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).toList();
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
