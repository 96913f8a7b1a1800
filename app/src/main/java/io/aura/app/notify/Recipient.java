package io.aura.app.notify;

import io.aura.kernel.identity.Role;
import java.util.Set;

/**
 * Who may be told what: a user's roles and address as the notification inbox folded them from the user
 * events. A disabled user is told nothing and holds no role here.
 */
public record Recipient(String username, Set<Role> roles, String email, boolean disabled) {
    public Recipient {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** A recipient who is not disabled. */
    public Recipient(String username, Set<Role> roles, String email) {
        this(username, roles, email, false);
    }
}
