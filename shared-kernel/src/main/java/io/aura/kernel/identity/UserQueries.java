package io.aura.kernel.identity;

import java.util.Set;

public final class UserQueries {
    private UserQueries() {}

    public record FindUser(String username) {}

    /** Everyone holding {@code role} and not disabled (e.g. the administrators an approval escalates to). */
    public record FindUsersWithRole(Role role) {}

    /** Every user, disabled ones too, by username. */
    public record ListUsers() {}

    /**
     * A user as the views know it; a disabled user keeps the roles they held, and cannot use them.
     * {@code language} is the tag of the UI language they chose ({@link PreferredLanguage}), null if none.
     */
    public record UserView(String username, Set<Role> roles, String displayName, String email, boolean disabled,
                           String language) {
        /** A user who chose no language. */
        public UserView(String username, Set<Role> roles, String displayName, String email, boolean disabled) {
            this(username, roles, displayName, email, disabled, null);
        }

        /** A user who is not disabled and chose no language. */
        public UserView(String username, Set<Role> roles, String displayName, String email) {
            this(username, roles, displayName, email, false);
        }
    }
}
