package io.aura.kernel.identity;

import java.util.Set;

public final class UserQueries {
    private UserQueries() {}

    public record FindUser(String username) {}

    public record UserView(String username, Set<Role> roles, String displayName, String email) {}
}
