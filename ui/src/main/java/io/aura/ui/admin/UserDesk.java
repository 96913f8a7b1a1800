package io.aura.ui.admin;

import io.aura.gateway.ReadYourWrites;
import io.aura.kernel.identity.Role;
import io.aura.kernel.identity.UserCommands.ChangeUserProfile;
import io.aura.kernel.identity.UserCommands.DisableUser;
import io.aura.kernel.identity.UserCommands.EraseUser;
import io.aura.kernel.identity.UserCommands.GrantRoles;
import io.aura.kernel.identity.UserCommands.RevokeRole;
import io.aura.kernel.identity.UserQueries.FindUser;
import io.aura.kernel.identity.UserQueries.ListUsers;
import io.aura.kernel.identity.UserQueries.UserView;
import io.aura.kernel.identity.UsernamePolicy;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.ui.SignedIn;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/**
 * Users for the administration view: the same query and commands as {@code /api/users}, sent as the
 * signed-in administrator. What may not be done (an administrator's own ADMIN role, disabling oneself)
 * the user's account refuses, not this.
 */
@Service
public class UserDesk {
    private static final Duration READ_SIDE_TIMEOUT = Duration.ofSeconds(10);

    private final ReadYourWrites readYourWrites;
    private final QueryGateway queries;

    public UserDesk(ReadYourWrites readYourWrites, QueryGateway queries) {
        this.readYourWrites = readYourWrites;
        this.queries = queries;
    }

    /** Every user, disabled ones too, by user name (ADMIN). */
    public List<UserView> all() {
        SignedIn.requireAnyRole("ADMIN");
        return queries.query(new ListUsers(), ResponseTypes.multipleInstancesOf(UserView.class)).join();
    }

    /**
     * Grants a role (ADMIN), the command of POST /api/users/{username}/roles; answers once the read side
     * shows it, so a list read next agrees. Granting a role held already records nothing.
     */
    public void grantRole(String username, Role role) {
        SignedIn.requireAnyRole("ADMIN");
        readYourWrites.sendAndAwait(new GrantRoles(username, Set.of(role)), new FindUser(username), UserView.class,
                view -> view.roles().contains(role), READ_SIDE_TIMEOUT);
    }

    /**
     * Takes one role away (ADMIN); answers once the read side shows it gone, so a list read next agrees.
     *
     * @throws RuntimeException the account's refusal, e.g. an administrator revoking their own ADMIN role
     */
    public void revokeRole(String username, Role role) {
        SignedIn.requireAnyRole("ADMIN");
        readYourWrites.sendAndAwait(new RevokeRole(username, role), new FindUser(username), UserView.class,
                view -> !view.roles().contains(role), READ_SIDE_TIMEOUT);
    }

    /**
     * Disables a user (ADMIN): from their next request on their tokens and sessions are refused. Answers
     * once the read side shows it.
     *
     * @throws RuntimeException the account's refusal, e.g. an administrator disabling themselves
     */
    public void disable(String username) {
        SignedIn.requireAnyRole("ADMIN");
        readYourWrites.sendAndAwait(new DisableUser(username), new FindUser(username), UserView.class,
                UserView::disabled, READ_SIDE_TIMEOUT);
    }

    /**
     * Erases a user's personal data (ADMIN), the command of POST /api/users/{username}/erase (ADR 0046): their
     * key is deleted by the privacy processor moments later and the views forget them. Answers once the account
     * shows disabled (erasing disables it).
     *
     * @throws RuntimeException the account's refusal, e.g. an administrator erasing themselves
     */
    public void erase(String username) {
        SignedIn.requireAnyRole("ADMIN");
        readYourWrites.sendAndAwait(new EraseUser(username), new FindUser(username), UserView.class,
                UserView::disabled, READ_SIDE_TIMEOUT);
    }

    /**
     * Changes a user's display name and e-mail (ADMIN; a blank one is removed), the command of
     * PUT /api/users/{username} with registration's rule; answers with the user once the read side shows it.
     *
     * @throws InvalidInputException naming each field that is wrong; nothing is recorded then
     */
    public UserView changeProfile(String username, String displayName, String email) {
        SignedIn.requireAnyRole("ADMIN");
        var violations = UsernamePolicy.checkProfile(email, displayName);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        ChangeUserProfile command = new ChangeUserProfile(username, displayName, email);
        return readYourWrites.sendAndAwait(command, new FindUser(username), UserView.class, command::shownIn,
                        READ_SIDE_TIMEOUT)
                .orElseThrow(() -> new IllegalStateException("the user view did not show the profile in time"));
    }
}
