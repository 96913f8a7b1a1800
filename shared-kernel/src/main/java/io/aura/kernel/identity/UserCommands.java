package io.aura.kernel.identity;

import io.aura.kernel.TargetsAggregate;
import java.util.Objects;
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

    /**
     * A new display name and e-mail for a user: an ADMIN's for anyone, or the user's for themself (the entry
     * points decide who, from the signed-in name). A null field leaves it as it is; a blank one removes it.
     * The same rule as at registration ({@link UsernamePolicy#checkProfile}); a change to what is there
     * already records nothing.
     */
    public record ChangeUserProfile(String username, String displayName, String email) implements TargetsAggregate {
        @Override
        public String targetAggregateId() {
            return username;
        }

        /** The display name this change leaves, given the one before (null: none). */
        public String displayNameAfter(String before) {
            return none(displayName == null ? before : displayName);
        }

        /** The e-mail address this change leaves, given the one before (null: none). */
        public String emailAfter(String before) {
            return none(email == null ? before : email);
        }

        /** Whether a user whose profile is {@code displayNameNow} and {@code emailNow} keeps it as it is. */
        public boolean leavesAsIs(String displayNameNow, String emailNow) {
            return Objects.equals(none(displayNameNow), displayNameAfter(displayNameNow))
                    && Objects.equals(none(emailNow), emailAfter(emailNow));
        }

        /** Whether {@code view} shows the profile this change leaves (a reader waiting for it is done). */
        public boolean shownIn(UserQueries.UserView view) {
            return leavesAsIs(view.displayName(), view.email());
        }

        /** A blank text is none: registration allowed one, and it shows as nothing. */
        private static String none(String text) {
            return text == null || text.isBlank() ? null : text;
        }
    }

    /**
     * The first sign-in of a person through the OpenID provider (ADR 0042): an account with the roles the
     * provider's token maps to, linked to {@code issuer} and {@code subject}.
     */
    public record RegisterSingleSignOnUser(String username, Set<Role> roles, String displayName, String email,
                                           String issuer, String subject) implements TargetsAggregate {
        @Override
        public String targetAggregateId() {
            return username;
        }
    }

    /**
     * A signed-in person of the OpenID provider holds the roles its token maps to now: the roles the account
     * lacks are granted, those it holds beyond them revoked (ADR 0042). Refused for an account not linked to
     * that person.
     */
    public record AdoptProviderRoles(String username, Set<Role> roles, String issuer, String subject)
            implements TargetsAggregate {
        @Override
        public String targetAggregateId() {
            return username;
        }
    }

    /**
     * An administrator erases a person's personal data (ADR 0046): recorded once; erasing an erased person records
     * nothing. Nobody erases themselves (the same lock-out as disabling oneself).
     */
    public record EraseUser(String username) implements TargetsAggregate {
        @Override
        public String targetAggregateId() {
            return username;
        }
    }
}
