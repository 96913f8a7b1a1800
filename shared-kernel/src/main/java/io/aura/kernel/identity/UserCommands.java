package io.aura.kernel.identity;

import io.aura.kernel.TargetsAggregate;
import java.util.Set;

/** Commands of a user account. A password never travels in a command: it goes to the credential store. */
public final class UserCommands {
    private UserCommands() {}

    public record RegisterUser(String username, Set<Role> roles, String displayName, String email)
            implements TargetsAggregate {
        @Override
        public String targetAggregateId() {
            return username;
        }
    }

    public record GrantRoles(String username, Set<Role> roles) implements TargetsAggregate {
        @Override
        public String targetAggregateId() {
            return username;
        }
    }

    /** Takes one role away; revoking a role the user does not hold records nothing. */
    public record RevokeRole(String username, Role role) implements TargetsAggregate {
        @Override
        public String targetAggregateId() {
            return username;
        }
    }

    /** The user can no longer sign in, and their tokens and sessions stop working; disabling twice records nothing. */
    public record DisableUser(String username) implements TargetsAggregate {
        @Override
        public String targetAggregateId() {
            return username;
        }
    }

    /**
     * The language the user wants the UI in ({@link PreferredLanguage}: "en" or "de"); sent by the user
     * for themself. Choosing the language chosen already records nothing.
     */
    public record ChoosePreferredLanguage(String username, String languageTag) implements TargetsAggregate {
        @Override
        public String targetAggregateId() {
            return username;
        }
    }
}
