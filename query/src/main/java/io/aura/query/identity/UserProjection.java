package io.aura.query.identity;

import io.aura.kernel.identity.UserEvents.PreferredLanguageChosen;
import io.aura.kernel.identity.UserEvents.RoleRevoked;
import io.aura.kernel.identity.UserEvents.RolesGranted;
import io.aura.kernel.identity.UserEvents.UserDisabled;
import io.aura.kernel.identity.UserEvents.UserErased;
import io.aura.kernel.identity.UserEvents.UserProfileChanged;
import io.aura.kernel.identity.UserEvents.UserRegistered;
import io.aura.kernel.identity.UserQueries.FindUser;
import io.aura.kernel.identity.UserQueries.FindUsersWithRole;
import io.aura.kernel.identity.UserQueries.ListUsers;
import io.aura.kernel.identity.UserQueries.UserView;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/**
 * Who is who and holds which roles; the credential store (password hashes) is kept apart from it.
 * Each handler computes the user's next view with {@link UserViewFold} and the {@link UserViewStore}
 * saves it.
 */
@Component
@ProcessingGroup(UserProjection.PROCESSING_GROUP)
public class UserProjection {
    public static final String PROCESSING_GROUP = "users";

    private final UserViewStore views;
    private final QueryUpdateEmitter emitter;

    public UserProjection(UserViewStore views, QueryUpdateEmitter emitter) {
        this.views = views;
        this.emitter = emitter;
    }

    @EventHandler
    void on(UserRegistered event) {
        save(UserViewFold.registered(event));
    }

    /** Roles granted to a user this view does not know change nothing. */
    @EventHandler
    void on(RolesGranted event) {
        views.find(event.username()).map(v -> UserViewFold.rolesGranted(v, event)).ifPresent(this::save);
    }

    @EventHandler
    void on(RoleRevoked event) {
        views.find(event.username()).map(v -> UserViewFold.roleRevoked(v, event)).ifPresent(this::save);
    }

    @EventHandler
    void on(UserDisabled event) {
        views.find(event.username()).map(v -> UserViewFold.disabled(v, event)).ifPresent(this::save);
    }

    @EventHandler
    void on(PreferredLanguageChosen event) {
        views.find(event.username()).map(v -> UserViewFold.languageChosen(v, event)).ifPresent(this::save);
    }

    @EventHandler
    void on(UserProfileChanged event) {
        views.find(event.username()).map(v -> UserViewFold.profileChanged(v, event)).ifPresent(this::save);
    }

    /** The person is forgotten here too (ADR 0046): a replay forgets them again at the same point. */
    @EventHandler
    void on(UserErased event) {
        views.find(event.username()).map(v -> UserViewFold.erased(v, event)).ifPresent(this::save);
    }

    /** Whoever registered, granted, revoked, disabled, chose a language or changed a profile waits for this (read your writes). */
    private void save(UserView view) {
        views.save(view);
        emitter.emit(FindUser.class, q -> q.username().equals(view.username()), view);
    }

    /** A replay starts from nothing: the views are rebuilt from the events alone. */
    @ResetHandler
    void reset() {
        views.clear();
    }

    @QueryHandler
    Optional<UserView> handle(FindUser query) {
        return views.find(query.username());
    }

    @QueryHandler
    List<UserView> handle(FindUsersWithRole query) {
        return views.withRole(query.role());
    }

    @QueryHandler
    List<UserView> handle(ListUsers query) {
        return views.all();
    }
}
