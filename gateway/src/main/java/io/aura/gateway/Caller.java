package io.aura.gateway;

import io.aura.kernel.identity.Role;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who sends a command or asks a query, as every entry point knows them: the HTTP API from its bearer
 * token, the web UI from its session. Rules take this, never a name or roles typed by a user.
 */
public record Caller(String name, Set<Role> roles) {
    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** Spring's authorities {@code ROLE_X} as roles; authorities that name no role are ignored. */
    public static Caller of(Authentication authentication) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                Arrays.stream(Role.values()).filter(r -> r.name().equals(name.substring(5))).forEach(roles::add);
            }
        }
        return new Caller(authentication.getName(), roles);
    }

    /** The signed-in person of this thread (Vaadin keeps the security context with the session). */
    public static Caller current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            throw new AccessDeniedException("Sign in first");
        }
        return of(auth);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        return Arrays.stream(wanted).anyMatch(roles::contains);
    }

    /** The roles by name, sorted: as a quota or the approval policy names them. */
    public java.util.List<String> roleNames() {
        return roles.stream().map(Enum::name).sorted().toList();
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }
}
