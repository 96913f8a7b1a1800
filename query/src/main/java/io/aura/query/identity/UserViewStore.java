package io.aura.query.identity;

import io.aura.kernel.identity.Role;
import io.aura.kernel.identity.UserQueries.UserView;
import java.util.List;
import java.util.Optional;

/**
 * Where user views are kept (one record per user, computed by {@link UserViewFold}): the port the
 * user projection writes through and every reader of users asks. Credentials are not here.
 * Adapters: {@link SqlUserViewStore} (embedded default, plain SQL that PostgreSQL runs too) and
 * {@link MongoUserViewStore} (production); {@code UserViewStoreContract} holds both to the same
 * behaviour.
 */
public interface UserViewStore {

    Optional<UserView> find(String username);

    /** Stores the user's view as it is now (replacing the one before). */
    void save(UserView view);

    /** Everyone holding {@code role} who is not disabled, by username. */
    List<UserView> withRole(Role role);

    /** Every user, disabled ones too, by username. */
    List<UserView> all();

    /** Forgets every user (a replay starts from nothing). */
    void clear();
}
