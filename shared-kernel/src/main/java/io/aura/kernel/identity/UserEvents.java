package io.aura.kernel.identity;

import io.aura.kernel.privacy.DataSubject;
import io.aura.kernel.privacy.PersonalData;
import java.util.Set;

/** Facts about user accounts. Who did it travels in the event's metadata ("actor"), never in the payload. */
public final class UserEvents {
    private UserEvents() {}

    public record UserRegistered(@DataSubject String username, Set<Role> roles, @PersonalData String displayName,
                                 @PersonalData String email) {}

    public record RolesGranted(String username, Set<Role> roles) {}

    public record RoleRevoked(String username, Role role) {}

    public record UserDisabled(String username) {}

    /** The user chose the UI's language (a BCP 47 tag such as "de"); their next page opens in it. */
    public record PreferredLanguageChosen(String username, String languageTag) {}

    /**
     * A user's display name and e-mail address as they are now (null: none), changed by an administrator or
     * by the user (the actor is in the metadata).
     */
    public record UserProfileChanged(@DataSubject String username, @PersonalData String displayName,
                                     @PersonalData String email) {}

    /**
     * The account belongs to a person of an OpenID provider (ADR 0042): {@code issuer} and {@code subject}
     * (its stable id there) name them; a sign-in through that provider as anyone else is refused this name,
     * and the account has no usable password.
     */
    public record SingleSignOnLinked(String username, String issuer, String subject) {}

    /**
     * The person's data was erased (ADR 0046): their key is deleted, so every name, address and text of theirs in
     * the store reads as erased; the views forget them; the account can no longer sign in or be changed. The
     * username stays, as the pseudonym the audit and the bookings keep.
     */
    public record UserErased(String username) {}
}
