package io.aura.query.identity;

import io.aura.kernel.identity.Role;
import io.aura.kernel.identity.UserEvents.RolesGranted;
import io.aura.kernel.identity.UserEvents.UserRegistered;
import io.aura.kernel.identity.UserQueries.UserView;
import java.util.EnumSet;
import java.util.Set;

/**
 * A user's view, event by event: each function returns the next view. Pure, so every store keeps
 * what the same fold computed; granting roles is a union, so a redelivered grant changes nothing.
 */
public final class UserViewFold {
    private UserViewFold() {}

    public static UserView registered(UserRegistered e) {
        return new UserView(e.username(), roles(e.roles()), e.displayName(), e.email());
    }

    public static UserView rolesGranted(UserView v, RolesGranted e) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(v.roles());
        if (e.roles() != null) {
            roles.addAll(e.roles());
        }
        return new UserView(v.username(), Set.copyOf(roles), v.displayName(), v.email());
    }

    static Set<Role> roles(Set<Role> roles) {
        return roles == null ? Set.of() : Set.copyOf(roles);
    }
}
