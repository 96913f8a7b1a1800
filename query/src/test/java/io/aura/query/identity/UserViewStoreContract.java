package io.aura.query.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.identity.Role;
import io.aura.kernel.identity.UserQueries.UserView;
import java.util.Set;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * What every user view store does, whatever keeps it (SQLite, PostgreSQL, MongoDB): each adapter's
 * test extends this with its own store.
 */
abstract class UserViewStoreContract {

    abstract UserViewStore store();

    /** Writes a user the way the store kept one before users could be disabled (no such field). */
    abstract void storeAsBeforeUsersCouldBeDisabled(String username, Role role);

    @Test
    void a_saved_user_is_found_as_it_was_saved() {
        UserView alice = new UserView("alice", Set.of(Role.REQUESTER, Role.APPROVER), "Alice", "alice@example.org");
        UserView bob = new UserView("bob", Set.of(), null, null);

        store().save(alice);
        store().save(bob);

        assertThat(store().find("alice")).contains(alice);
        assertThat(store().find("bob")).contains(bob);
        assertThat(store().find("carol")).isEmpty();
    }

    @Test
    void a_users_chosen_language_is_kept_and_follows_a_changed_view() {
        UserView german = new UserView("alice", Set.of(Role.REQUESTER), "Alice", null, false, "de");
        store().save(german);
        assertThat(store().find("alice")).contains(german);
        assertThat(store().all()).containsExactly(german);
        assertThat(store().withRole(Role.REQUESTER)).containsExactly(german);

        UserView english = new UserView("alice", Set.of(Role.REQUESTER), "Alice", null, false, "en");
        store().save(english);
        assertThat(store().find("alice")).contains(english);
    }

    @Test
    void a_changed_display_name_and_e_mail_replace_the_ones_before_wherever_the_user_is_read() {
        store().save(new UserView("alice", Set.of(Role.APPROVER), "Alice", "alice@example.org", false, "de"));

        UserView changed = new UserView("alice", Set.of(Role.APPROVER), "Alice Liddell", null, false, "de");
        store().save(changed);

        assertThat(store().find("alice")).contains(changed);
        assertThat(store().all()).containsExactly(changed);
        assertThat(store().withRole(Role.APPROVER)).containsExactly(changed);
    }

    @Test
    void everyone_holding_a_role_comes_by_username_and_follows_a_changed_view() {
        store().save(user("carol", Role.ADMIN));
        store().save(user("alice", Role.REQUESTER, Role.ADMIN));
        store().save(user("bob", Role.REQUESTER));

        assertThat(store().withRole(Role.ADMIN)).extracting(UserView::username).containsExactly("alice", "carol");
        assertThat(store().withRole(Role.AUDITOR)).isEmpty();

        store().save(user("bob", Role.REQUESTER, Role.ADMIN));
        store().save(user("carol", Role.APPROVER));

        assertThat(store().withRole(Role.ADMIN)).extracting(UserView::username).containsExactly("alice", "bob");
        assertThat(store().withRole(Role.ADMIN).get(1)).isEqualTo(user("bob", Role.REQUESTER, Role.ADMIN));
    }

    @Test
    void every_user_comes_by_username() {
        store().save(user("carol"));
        store().save(user("alice"));
        store().save(user("bob"));

        assertThat(store().all()).extracting(UserView::username).containsExactly("alice", "bob", "carol");
    }

    @Test
    void clearing_forgets_every_user_and_their_roles() {
        store().save(user("alice", Role.ADMIN));

        store().clear();

        assertThat(store().find("alice")).isEmpty();
        assertThat(store().withRole(Role.ADMIN)).isEmpty();
        assertThat(store().all()).isEmpty();
    }

    @Test
    void within_one_unit_of_work_a_later_event_sees_what_an_earlier_one_saved() {
        UserView registered = user("alice", Role.REQUESTER);
        UserView granted = user("alice", Role.REQUESTER, Role.APPROVER);
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            store().save(registered);
            assertThat(store().find("alice")).contains(registered);
            store().save(granted);
            assertThat(store().find("alice")).contains(granted);
            batch.commit();
        } finally {
            if (batch.isActive()) {
                batch.rollback();
            }
        }

        assertThat(store().find("alice")).contains(granted);
        assertThat(store().withRole(Role.APPROVER)).containsExactly(granted);
    }

    @Test
    void a_disabled_user_is_found_and_listed_as_disabled_with_their_roles_but_holds_no_role() {
        UserView disabled = new UserView("alice", Set.of(Role.ADMIN, Role.APPROVER), "Alice", null, true);
        store().save(user("bob", Role.ADMIN));
        store().save(user("alice", Role.ADMIN, Role.APPROVER));

        store().save(disabled);

        assertThat(store().find("alice")).contains(disabled);
        assertThat(store().all()).containsExactly(disabled, user("bob", Role.ADMIN));
        assertThat(store().withRole(Role.ADMIN)).extracting(UserView::username).containsExactly("bob");
        assertThat(store().withRole(Role.APPROVER)).isEmpty();
    }

    @Test
    void a_user_stored_before_users_could_be_disabled_reads_as_not_disabled_and_with_no_language() {
        storeAsBeforeUsersCouldBeDisabled("alice", Role.APPROVER);

        assertThat(store().find("alice")).hasValueSatisfying(v -> {
            assertThat(v.disabled()).isFalse();
            assertThat(v.language()).isNull();
            assertThat(v.roles()).containsExactly(Role.APPROVER);
        });
        assertThat(store().withRole(Role.APPROVER)).extracting(UserView::username).containsExactly("alice");
    }

    static UserView user(String username, Role... roles) {
        return new UserView(username, Set.of(roles), username.toUpperCase(), username + "@example.org");
    }

    @Test
    void an_erased_user_replaces_their_name_and_address_everywhere_the_user_is_read_and_holds_no_role() {
        store().save(new UserView("alice", Set.of(Role.APPROVER), "Alice Liddell", "alice@example.org", false, "de"));

        UserView erased = new UserView("alice", Set.of(Role.APPROVER), null, null, true, "de");
        store().save(erased);

        assertThat(store().find("alice")).contains(erased);
        assertThat(store().all()).containsExactly(erased);
        assertThat(store().withRole(Role.APPROVER)).isEmpty();
    }
}
