package io.aura.query.identity;

import io.aura.kernel.identity.Role;
import io.aura.kernel.identity.UserEvents.PreferredLanguageChosen;
import io.aura.kernel.identity.UserEvents.RoleRevoked;
import io.aura.kernel.identity.UserEvents.RolesGranted;
import io.aura.kernel.identity.UserEvents.UserDisabled;
import io.aura.kernel.identity.UserEvents.UserErased;
import io.aura.kernel.identity.UserEvents.UserProfileChanged;
import io.aura.kernel.identity.UserEvents.UserRegistered;
import io.aura.kernel.identity.UserQueries.UserView;
import java.util.EnumSet;
import java.util.Set;

/**
 * A user's view, event by event: each function returns the next view. Pure, so every store keeps
 * what the same fold computed; granting roles is a union and revoking one a difference, so a
 * redelivered grant or revocation changes nothing.
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
        return new UserView(v.username(), Set.copyOf(roles), v.displayName(), v.email(), v.disabled(), v.language());
    }

    public static UserView roleRevoked(UserView v, RoleRevoked e) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(v.roles());
        if (e.role() != null) {
            roles.remove(e.role());
        }
        return new UserView(v.username(), Set.copyOf(roles), v.displayName(), v.email(), v.disabled(), v.language());
    }

    /** A disabled user keeps the roles they held, to show what they had; they can use none of them. */
    public static UserView disabled(UserView v, UserDisabled e) {
        return new UserView(v.username(), v.roles(), v.displayName(), v.email(), true, v.language());
    }

    /** The language chosen last is the one the UI opens in. */
    public static UserView languageChosen(UserView v, PreferredLanguageChosen e) {
        return new UserView(v.username(), v.roles(), v.displayName(), v.email(), v.disabled(), e.languageTag());
    }

    /** The event holds the whole profile as it is now, so seeing it twice changes nothing. */
    public static UserView profileChanged(UserView v, UserProfileChanged e) {
        return new UserView(v.username(), v.roles(), e.displayName(), e.email(), v.disabled(), v.language());
    }

    /**
     * Erased (ADR 0046): the name and address are gone and the account disabled; the username stays, as the
     * pseudonym the audit and the bookings keep. Seeing it twice changes nothing.
     */
    public static UserView erased(UserView v, UserErased e) {
        return new UserView(v.username(), v.roles(), null, null, true, v.language());
    }

    static Set<Role> roles(Set<Role> roles) {
        return roles == null ? Set.of() : Set.copyOf(roles);
    }
}
