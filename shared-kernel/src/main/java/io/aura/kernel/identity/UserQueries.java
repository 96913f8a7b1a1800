package io.aura.kernel.identity;

import java.util.Set;

public final class UserQueries {
    private UserQueries() {}

    public record FindUser(String username) {}

    /** Everyone holding {@code role} (e.g. the administrators an approval escalates to). */
    public record FindUsersWithRole(Role role) {}

    public record UserView(String username, Set<Role> roles, String displayName, String email) {}
}
