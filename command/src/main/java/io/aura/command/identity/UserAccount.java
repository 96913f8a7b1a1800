package io.aura.command.identity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.aura.kernel.MessageMetadata;
import io.aura.kernel.identity.PreferredLanguage;
import io.aura.kernel.identity.Role;
import io.aura.kernel.identity.UserCommands.AdoptProviderRoles;
import io.aura.kernel.identity.UserCommands.ChangeUserProfile;
import io.aura.kernel.identity.UserCommands.ChoosePreferredLanguage;
import io.aura.kernel.identity.UserCommands.DisableUser;
import io.aura.kernel.identity.UserCommands.EraseUser;
import io.aura.kernel.identity.UserCommands.GrantRoles;
import io.aura.kernel.identity.UserCommands.RegisterSingleSignOnUser;
import io.aura.kernel.identity.UserCommands.RegisterUser;
import io.aura.kernel.identity.UserCommands.RevokeRole;
import io.aura.kernel.identity.UserEvents.PreferredLanguageChosen;
import io.aura.kernel.identity.UserEvents.RoleRevoked;
import io.aura.kernel.identity.UserEvents.RolesGranted;
import io.aura.kernel.identity.UserEvents.SingleSignOnLinked;
import io.aura.kernel.identity.UserEvents.UserDisabled;
import io.aura.kernel.identity.UserEvents.UserErased;
import io.aura.kernel.identity.UserEvents.UserProfileChanged;
import io.aura.kernel.identity.UserEvents.UserRegistered;
import io.aura.kernel.identity.UsernamePolicy;
import io.aura.kernel.validation.InvalidInputException;
import java.util.EnumSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A person who may sign in. The username is the aggregate id, so the event store's unique
 * (aggregate, sequence) key is what makes a username unique, on one node or many.
 */
public class UserAccount {

    @AggregateIdentifier
    private String username;

    private Set<Role> roles = EnumSet.noneOf(Role.class);

    private boolean disabled;

    /** Erased (ADR 0046): nothing about the account changes any more. */
    private boolean erased;

    /** The tag of the UI language chosen last, null while none is. */
    private String language;

    /** As registered or changed last (null or blank: none). */
    private String displayName;

    private String email;

    /** The OpenID provider's person this account belongs to (ADR 0042); null for a local account. */
    private String issuer;

    private String subject;

    protected UserAccount() {}

    @CommandHandler
    public UserAccount(RegisterUser command) {
        var violations = UsernamePolicy.check(command.username(), command.roles(), command.email(),
                command.displayName());
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        apply(new UserRegistered(command.username(), Set.copyOf(command.roles()), command.displayName(),
                command.email()));
    }

    /** The same rules as any registration; the link says whose account it is. */
    @CommandHandler
    public UserAccount(RegisterSingleSignOnUser command) {
        var violations = UsernamePolicy.check(command.username(), command.roles(), command.email(),
                command.displayName());
        if (command.issuer() == null || command.issuer().isBlank() || command.subject() == null
                || command.subject().isBlank()) {
            throw new IllegalArgumentException("a single sign-on account needs the provider's issuer and subject");
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        apply(new UserRegistered(command.username(), Set.copyOf(command.roles()), command.displayName(),
                command.email()));
        apply(new SingleSignOnLinked(command.username(), command.issuer(), command.subject()));
    }

    /**
     * The provider decides a linked account's roles (ADR 0042): what it maps to now is granted and the rest
     * revoked, in one step, so nobody is left holding a role the provider took away. Only for the person
     * linked; never for a local account, whose roles administrators keep. Roles as they are record nothing.
     */
    @CommandHandler
    public void handle(AdoptProviderRoles command) {
        if (issuer == null || !issuer.equals(command.issuer()) || !subject.equals(command.subject())) {
            throw new IllegalStateException("the account '" + username + "' is not linked to this person of "
                    + command.issuer());
        }
        if (command.roles() == null || command.roles().isEmpty()) {
            throw new IllegalArgumentException("the provider's token maps to no role");
        }
        Set<Role> added = EnumSet.noneOf(Role.class);
        added.addAll(command.roles());
        added.removeAll(roles);
        if (!added.isEmpty()) {
            apply(new RolesGranted(username, Set.copyOf(added)));
        }
        for (Role held : EnumSet.copyOf(roles)) {
            if (!command.roles().contains(held)) {
                apply(new RoleRevoked(username, held));
            }
        }
    }

    @CommandHandler
    public void handle(GrantRoles command) {
        refuseIfErased();
        Set<Role> added = EnumSet.noneOf(Role.class);
        added.addAll(command.roles());
        added.removeAll(roles);
        if (!added.isEmpty()) { // granting what is held already is not a fact worth recording
            apply(new RolesGranted(username, Set.copyOf(added)));
        }
    }

    /**
     * Who acts comes from the command's metadata, as for every command. An administrator may not take
     * ADMIN from themselves: the last one could otherwise lock everybody out with one click.
     */
    @CommandHandler
    public void handle(RevokeRole command, @MetaDataValue(MessageMetadata.ACTOR) String actor) {
        if (command.role() == Role.ADMIN && username.equals(actor)) {
            throw new SelfLockoutException("An administrator cannot revoke their own ADMIN role; "
                    + "another administrator can.");
        }
        if (roles.contains(command.role())) { // revoking what is not held is not a fact worth recording
            apply(new RoleRevoked(username, command.role()));
        }
    }

    /** Nobody disables themselves (the same lock-out as revoking one's own ADMIN role). */
    @CommandHandler
    public void handle(DisableUser command, @MetaDataValue(MessageMetadata.ACTOR) String actor) {
        if (username.equals(actor)) {
            throw new SelfLockoutException("You cannot disable yourself; another administrator can.");
        }
        if (!disabled) {
            apply(new UserDisabled(username));
        }
    }

    /**
     * Erasing disables too: an erased person cannot sign in. Nobody erases themselves; erasing twice records
     * nothing.
     */
    @CommandHandler
    public void handle(EraseUser command, @MetaDataValue(MessageMetadata.ACTOR) String actor) {
        if (username.equals(actor)) {
            throw new SelfLockoutException("You cannot erase yourself; another administrator can.");
        }
        if (erased) {
            return;
        }
        if (!disabled) {
            apply(new UserDisabled(username));
        }
        apply(new UserErased(username));
    }

    /**
     * Only the user chooses their language: the entry points send it with the signed-in name, never one
     * typed in. An offered language only (one rule, {@link PreferredLanguage}).
     */
    @CommandHandler
    public void handle(ChoosePreferredLanguage command) {
        var violations = PreferredLanguage.check(command.languageTag());
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (!command.languageTag().equals(language)) { // choosing the language chosen already is no new fact
            apply(new PreferredLanguageChosen(username, command.languageTag()));
        }
    }

    /**
     * The rule of registration, and nothing else refused: a disabled user's profile can still be corrected.
     * Who may change it (an ADMIN anyone's, a user their own) the entry points decide from the signed-in name.
     */
    @CommandHandler
    public void handle(ChangeUserProfile command) {
        refuseIfErased();
        var violations = UsernamePolicy.checkProfile(command.email(), command.displayName());
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (!command.leavesAsIs(displayName, email)) { // the profile as it is already is no new fact
            apply(new UserProfileChanged(username, command.displayNameAfter(displayName),
                    command.emailAfter(email)));
        }
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        username = event.username();
        roles = EnumSet.copyOf(event.roles());
        displayName = event.displayName();
        email = event.email();
    }

    @EventSourcingHandler
    void on(SingleSignOnLinked event) {
        issuer = event.issuer();
        subject = event.subject();
    }

    @EventSourcingHandler
    void on(UserProfileChanged event) {
        displayName = event.displayName();
        email = event.email();
    }

    @EventSourcingHandler
    void on(RolesGranted event) {
        roles.addAll(event.roles());
    }

    @EventSourcingHandler
    void on(RoleRevoked event) {
        roles.remove(event.role());
    }

    @EventSourcingHandler
    void on(UserDisabled event) {
        disabled = true;
    }

    @EventSourcingHandler
    void on(UserErased event) {
        erased = true;
        displayName = null;
        email = null;
    }

    /** An erased account is a pseudonym in the audit, no longer a person who can be given a name or a role. */
    private void refuseIfErased() {
        if (erased) {
            throw new ErasedAccountException(username);
        }
    }

    @EventSourcingHandler
    void on(PreferredLanguageChosen event) {
        language = event.languageTag();
    }
}
