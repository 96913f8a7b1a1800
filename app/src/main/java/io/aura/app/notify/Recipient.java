package io.aura.app.notify;

import io.aura.kernel.identity.Role;
import java.util.Set;

/** Who may be told what: a user's roles and address as the notification inbox folded them from the user events. */
public record Recipient(String username, Set<Role> roles, String email) {
    public Recipient {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}
