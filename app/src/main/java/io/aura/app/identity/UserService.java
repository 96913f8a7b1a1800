package io.aura.app.identity;

import io.aura.app.privacy.PersonalKeys;
import io.aura.app.security.CredentialStore;
import io.aura.gateway.ReadYourWrites;
import io.aura.kernel.identity.Accounts;
import io.aura.kernel.identity.Role;
import io.aura.kernel.identity.UserCommands.ChangeUserProfile;
import io.aura.kernel.identity.UserCommands.DisableUser;
import io.aura.kernel.identity.UserCommands.EraseUser;
import io.aura.kernel.identity.UserCommands.GrantRoles;
import io.aura.kernel.identity.UserCommands.RegisterUser;
import io.aura.kernel.identity.UserCommands.RevokeRole;
import io.aura.kernel.identity.UserQueries.FindUser;
import io.aura.kernel.identity.UserQueries.ListUsers;
import io.aura.kernel.identity.UserQueries.UserView;
import io.aura.kernel.identity.UsernamePolicy;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Creates accounts and changes what they may do: the hash goes to the credential store, the account,
 * its roles and whether it is disabled into events.
 */
@Service
public class UserService implements Accounts {
    private final CredentialStore credentials;
    private final PasswordEncoder encoder;
    private final ReadYourWrites readYourWrites;
    private final QueryGateway queries;
    private final CommandGateway commands;
    private final PersonalKeys personalKeys;

    public UserService(CredentialStore credentials, PasswordEncoder encoder, ReadYourWrites readYourWrites,
                       QueryGateway queries, CommandGateway commands, PersonalKeys personalKeys) {
        this.personalKeys = personalKeys;
        this.credentials = credentials;
        this.encoder = encoder;
        this.readYourWrites = readYourWrites;
        this.queries = queries;
        this.commands = commands;
    }

    public record NewUser(String username, String password, List<String> roles, String displayName, String email) {}

    public static final class UsernameTakenException extends RuntimeException {
        public UsernameTakenException(String username) {
            super("the user name '" + username + "' is taken");
        }
    }

    @Override
    public UserView create(String username, String password, List<String> roles, String displayName, String email) {
        return register(new NewUser(username, password, roles, displayName, email));
    }

    public UserView register(NewUser request) {
        Set<Role> roles = parseRoles(request.roles());
        List<FieldViolation> violations = new ArrayList<>(roleViolations(request.roles()));
        if (violations.isEmpty()) {
            violations.addAll(UsernamePolicy.check(request.username(), roles, request.email(), request.displayName()));
        } else {
            violations.addAll(UsernamePolicy.check(request.username(), Set.of(Role.REQUESTER), request.email(),
                    request.displayName()));
        }
        violations.addAll(UsernamePolicy.checkPassword(request.password()));
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        // The credential is claimed first (unique by name); if the command is refused it is removed again.
        if (!credentials.create(request.username(), encoder.encode(request.password()))) {
            throw new UsernameTakenException(request.username());
        }
        RegisterUser command = new RegisterUser(request.username(), roles, request.displayName(), request.email());
        try {
            return readYourWrites.sendAndAwait(command, new FindUser(request.username()), UserView.class, v -> true,
                            Duration.ofSeconds(10))
                    .orElse(new UserView(request.username(), roles, request.displayName(), request.email()));
        } catch (RuntimeException e) {
            credentials.delete(request.username());
            throw e;
        }
    }

    public static final class UnknownUserException extends RuntimeException {
        public UnknownUserException(String username) {
            super("no user is called '" + username + "'");
        }
    }

    public UserView grantRoles(String username, List<String> roleNames) {
        List<FieldViolation> violations = new ArrayList<>(roleViolations(roleNames));
        Set<Role> roles = parseRoles(roleNames);
        if (violations.isEmpty() && roles.isEmpty()) {
            violations.add(FieldViolation.of("roles", io.aura.kernel.validation.Rule.ROLES_REQUIRED));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (!credentials.exists(username)) {
            throw new UnknownUserException(username);
        }
        return readYourWrites.sendAndAwait(new GrantRoles(username, roles), new FindUser(username), UserView.class,
                        view -> view.roles().containsAll(roles), Duration.ofSeconds(10))
                .orElseThrow(() -> new IllegalStateException("the user view did not show the granted roles in time"));
    }

    /** Takes one role away (revoking one not held changes nothing); the view shows it gone when this returns. */
    public UserView revokeRole(String username, String roleName) {
        Role role = parseRoles(roleName == null ? null : List.of(roleName)).stream().findFirst()
                .orElseThrow(() -> new InvalidInputException(List.of(new FieldViolation("role", "unknown role '"
                        + roleName + "'; the roles are REQUESTER, APPROVER, ADMIN, AUDITOR"))));
        if (!credentials.exists(username)) {
            throw new UnknownUserException(username);
        }
        return readYourWrites.sendAndAwait(new RevokeRole(username, role), new FindUser(username), UserView.class,
                        view -> !view.roles().contains(role), Duration.ofSeconds(10))
                .orElseThrow(() -> new IllegalStateException("the user view did not show the revoked role in time"));
    }

    /**
     * Disables a user: from the next request on, on every node, their tokens and sessions are refused
     * and they cannot sign in (the account's events decide that, not the view this waits for).
     */
    public UserView disable(String username) {
        if (!credentials.exists(username)) {
            throw new UnknownUserException(username);
        }
        return readYourWrites.sendAndAwait(new DisableUser(username), new FindUser(username), UserView.class,
                        UserView::disabled, Duration.ofSeconds(10))
                .orElseThrow(() -> new IllegalStateException("the user view did not show the user disabled in time"));
    }

    /**
     * Erases a person's personal data (ADR 0046): when this returns, {@code UserErased} is stored (and the account
     * disabled); their key is deleted and the views forget them moments later, which is why the API answers 202.
     * Erasing an erased person changes nothing.
     */
    public void erase(String username) {
        if (!credentials.exists(username)) {
            throw new UnknownUserException(username);
        }
        commands.sendAndWait(new EraseUser(username));
        // at once, not only when the privacy processor gets there (it deletes it too, after any restart)
        personalKeys.erase(username);
    }

    /**
     * Changes a user's display name and e-mail (null: left as it is; blank: removed), with registration's
     * rule; answers with the user as the view shows them then. Who may (an ADMIN anyone, a user themself)
     * the caller has decided from the signed-in name; a disabled user's profile can be changed too.
     */
    public UserView changeProfile(String username, String displayName, String email) {
        var violations = UsernamePolicy.checkProfile(email, displayName);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (!credentials.exists(username)) {
            throw new UnknownUserException(username);
        }
        ChangeUserProfile command = new ChangeUserProfile(username, displayName, email);
        return readYourWrites.sendAndAwait(command, new FindUser(username), UserView.class, command::shownIn,
                        Duration.ofSeconds(10))
                .orElseThrow(() -> new IllegalStateException("the user view did not show the profile in time"));
    }

    /** Every user, disabled ones too, by username. */
    public List<UserView> list() {
        return queries.query(new ListUsers(), ResponseTypes.multipleInstancesOf(UserView.class)).join();
    }

    private static Set<Role> parseRoles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            for (String name : names) {
                try {
                    roles.add(Role.valueOf(name));
                } catch (IllegalArgumentException | NullPointerException ignored) {
                    // reported by roleViolations
                }
            }
        }
        return roles;
    }

    private static List<FieldViolation> roleViolations(List<String> names) {
        if (names == null) {
            return List.of();
        }
        for (String name : names) {
            try {
                Role.valueOf(name);
            } catch (IllegalArgumentException | NullPointerException e) {
                return List.of(new FieldViolation("roles", "unknown role '" + name
                        + "'; the roles are REQUESTER, APPROVER, ADMIN, AUDITOR"));
            }
        }
        return List.of();
    }
}
