package io.aura.query.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.identity.Role;
import io.aura.kernel.identity.UserEvents.PreferredLanguageChosen;
import io.aura.kernel.identity.UserEvents.RoleRevoked;
import io.aura.kernel.identity.UserEvents.RolesGranted;
import io.aura.kernel.identity.UserEvents.UserDisabled;
import io.aura.kernel.identity.UserEvents.UserErased;
import io.aura.kernel.identity.UserEvents.UserProfileChanged;
import io.aura.kernel.identity.UserEvents.UserRegistered;
import io.aura.kernel.identity.UserQueries.UserView;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Given a user's events, the view the fold computes. */
class UserViewFoldTest {

    @Test
    void a_registered_user_has_the_roles_and_names_registered() {
        assertThat(UserViewFold.registered(new UserRegistered("alice", Set.of(Role.REQUESTER), "Alice", "a@x.org")))
                .isEqualTo(new UserView("alice", Set.of(Role.REQUESTER), "Alice", "a@x.org"));
        assertThat(UserViewFold.registered(new UserRegistered("bob", null, null, null)).roles()).isEmpty();
    }

    @Test
    void granted_roles_are_added_and_a_grant_seen_twice_changes_nothing() {
        UserView registered = UserViewFold.registered(new UserRegistered("alice", Set.of(Role.REQUESTER), "Alice", null));
        RolesGranted grant = new RolesGranted("alice", Set.of(Role.APPROVER, Role.REQUESTER));

        UserView once = UserViewFold.rolesGranted(registered, grant);
        UserView twice = UserViewFold.rolesGranted(once, grant);

        assertThat(once).isEqualTo(new UserView("alice", Set.of(Role.REQUESTER, Role.APPROVER), "Alice", null));
        assertThat(twice).isEqualTo(once);
    }

    @Test
    void a_revoked_role_is_taken_away_and_a_revocation_seen_twice_changes_nothing() {
        UserView registered = UserViewFold.registered(new UserRegistered("alice", Set.of(Role.REQUESTER, Role.APPROVER),
                "Alice", null));
        RoleRevoked revocation = new RoleRevoked("alice", Role.APPROVER);

        UserView once = UserViewFold.roleRevoked(registered, revocation);
        UserView twice = UserViewFold.roleRevoked(once, revocation);

        assertThat(once).isEqualTo(new UserView("alice", Set.of(Role.REQUESTER), "Alice", null));
        assertThat(twice).isEqualTo(once);
    }

    @Test
    void a_disabled_user_is_disabled_keeps_their_roles_and_stays_disabled_through_later_grants_and_revocations() {
        UserView registered = UserViewFold.registered(new UserRegistered("alice", Set.of(Role.REQUESTER, Role.APPROVER),
                "Alice", null));

        UserView disabled = UserViewFold.disabled(registered, new UserDisabled("alice"));
        UserView later = UserViewFold.roleRevoked(UserViewFold.rolesGranted(disabled,
                new RolesGranted("alice", Set.of(Role.AUDITOR))), new RoleRevoked("alice", Role.REQUESTER));

        assertThat(disabled).isEqualTo(new UserView("alice", Set.of(Role.REQUESTER, Role.APPROVER), "Alice", null, true));
        assertThat(later).isEqualTo(new UserView("alice", Set.of(Role.APPROVER, Role.AUDITOR), "Alice", null, true));
    }

    @Test
    void a_registered_user_has_chosen_no_language_and_the_one_chosen_last_counts_through_later_changes() {
        UserView registered = UserViewFold.registered(new UserRegistered("alice", Set.of(Role.REQUESTER), "Alice", null));

        UserView german = UserViewFold.languageChosen(registered, new PreferredLanguageChosen("alice", "de"));
        UserView later = UserViewFold.disabled(UserViewFold.roleRevoked(UserViewFold.rolesGranted(german,
                new RolesGranted("alice", Set.of(Role.AUDITOR))), new RoleRevoked("alice", Role.REQUESTER)),
                new UserDisabled("alice"));
        UserView english = UserViewFold.languageChosen(german, new PreferredLanguageChosen("alice", "en"));

        assertThat(registered.language()).isNull();
        assertThat(german).isEqualTo(new UserView("alice", Set.of(Role.REQUESTER), "Alice", null, false, "de"));
        assertThat(later).isEqualTo(new UserView("alice", Set.of(Role.AUDITOR), "Alice", null, true, "de"));
        assertThat(english.language()).isEqualTo("en");
    }

    @Test
    void a_changed_profile_replaces_the_display_name_and_e_mail_and_keeps_the_rest() {
        UserView german = UserViewFold.languageChosen(UserViewFold.disabled(UserViewFold.registered(
                new UserRegistered("alice", Set.of(Role.REQUESTER), "Alice", "a@x.org")), new UserDisabled("alice")),
                new PreferredLanguageChosen("alice", "de"));
        UserProfileChanged change = new UserProfileChanged("alice", "Alice Liddell", null);

        UserView once = UserViewFold.profileChanged(german, change);

        assertThat(once).isEqualTo(new UserView("alice", Set.of(Role.REQUESTER), "Alice Liddell", null, true, "de"));
        assertThat(UserViewFold.profileChanged(once, change)).isEqualTo(once);
    }

    @Test
    void an_erased_user_keeps_the_username_and_roles_loses_name_and_address_and_is_disabled_and_twice_changes_nothing() {
        UserView registered = UserViewFold.registered(new UserRegistered("alice", Set.of(Role.REQUESTER),
                "Alice Liddell", "alice@example.org"));
        UserView chose = UserViewFold.languageChosen(registered, new PreferredLanguageChosen("alice", "de"));

        UserView once = UserViewFold.erased(chose, new UserErased("alice"));

        assertThat(once).isEqualTo(new UserView("alice", Set.of(Role.REQUESTER), null, null, true, "de"));
        assertThat(UserViewFold.erased(once, new UserErased("alice"))).isEqualTo(once);
    }
}
