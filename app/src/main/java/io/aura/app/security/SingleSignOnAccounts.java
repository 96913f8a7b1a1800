package io.aura.app.security;

import io.aura.gateway.ReadYourWrites;
import io.aura.kernel.MessageMetadata;
import io.aura.kernel.identity.Role;
import io.aura.kernel.identity.UserCommands.AdoptProviderRoles;
import io.aura.kernel.identity.UserCommands.RegisterSingleSignOnUser;
import io.aura.kernel.identity.UserEvents.SingleSignOnLinked;
import io.aura.kernel.identity.UserQueries.FindUser;
import io.aura.kernel.identity.UserQueries.UserView;
import io.aura.kernel.identity.UsernamePolicy;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Who a person signed in at the OpenID provider is in Aura (ADR 0042). The first sign-in registers an
 * account named after the token's user-name claim and linked to the provider's person; every sign-in after
 * it (a UI sign-in, each API request with the provider's token) makes the account's roles those the token
 * maps to now, through the account's events. A name held by a local account or another person of the
 * provider is refused, and so is a disabled account or a token that maps to no role.
 */
public final class SingleSignOnAccounts {
    /** How long a sign-in waits for another one's registration of the same new account. */
    private static final Duration REGISTRATION_IN_FLIGHT = Duration.ofSeconds(10);

    private final SingleSignOnProperties settings;
    private final RoleMapping roles;
    private final AuraUserDetailsService accounts;
    private final CredentialStore credentials;
    private final PasswordEncoder encoder;
    private final ReadYourWrites readYourWrites;
    private final CommandGateway commands;

    public SingleSignOnAccounts(SingleSignOnProperties settings, RoleMapping roles, AuraUserDetailsService accounts,
                                CredentialStore credentials, PasswordEncoder encoder, ReadYourWrites readYourWrites,
                                CommandGateway commands) {
        this.settings = settings;
        this.roles = roles;
        this.accounts = accounts;
        this.credentials = credentials;
        this.encoder = encoder;
        this.readYourWrites = readYourWrites;
        this.commands = commands;
    }

    /** A sign-in through the provider that Aura refuses; the message says why (for the log, not the person). */
    public static final class RefusedException extends RuntimeException {
        public RefusedException(String message) {
            super(message);
        }
    }

    /**
     * The account of the person the verified token's {@code claims} name, registered or brought up to the
     * token's roles.
     *
     * @throws RefusedException if Aura does not let this person in
     */
    public AuraUserDetailsService.Account signIn(Map<String, Object> claims) {
        String issuer = settings.issuerUri();
        String subject = text(claims.get(settings.subjectClaim()))
                .orElseThrow(() -> new RefusedException("the token has no " + settings.subjectClaim() + " claim"));
        String username = username(claims.get(settings.usernameClaim()))
                .orElseThrow(() -> new RefusedException("the token's " + settings.usernameClaim()
                        + " claim makes no Aura user name"));
        Set<Role> granted = roles.rolesOf(claims);
        if (granted.isEmpty()) {
            throw new RefusedException("the token of " + username + " maps to no Aura role");
        }
        Optional<AuraUserDetailsService.Account> existing = accounts.currentAccount(username);
        if (existing.isEmpty()) {
            existing = register(username, granted, claims, issuer, subject);
        }
        AuraUserDetailsService.Account account = existing
                .orElseThrow(() -> new RefusedException("the name " + username + " is held by an account that "
                        + "is not (yet) registered"));
        if (!account.linkedTo(issuer, subject)) {
            throw new RefusedException("the name " + username + " belongs to another account");
        }
        if (account.disabled()) {
            throw new RefusedException("the account " + username + " is disabled");
        }
        if (!account.roles().equals(granted)) {
            commands.sendAndWait(as(username, new AdoptProviderRoles(username, granted, issuer, subject)));
            account = new AuraUserDetailsService.Account(username, granted, false, account.link());
        }
        return account;
    }

    /**
     * Registers the account, the name claimed in the credential store first (with a password nobody knows) so
     * that a local account and a provider's person never share one name. If the name is claimed already,
     * either another sign-in of the same person is registering it (waited for) or it belongs to someone else.
     */
    private Optional<AuraUserDetailsService.Account> register(String username, Set<Role> granted,
                                                              Map<String, Object> claims, String issuer,
                                                              String subject) {
        if (!credentials.create(username, encoder.encode(unguessable()))) {
            long until = System.nanoTime() + REGISTRATION_IN_FLIGHT.toNanos();
            Optional<AuraUserDetailsService.Account> account = accounts.currentAccount(username);
            while (account.isEmpty() && System.nanoTime() < until) {
                sleep();
                account = accounts.currentAccount(username);
            }
            return account;
        }
        // the provider's name and address if registration's rule takes them; an account without them otherwise
        String displayName = text(claims.get("name")).filter(n -> UsernamePolicy.checkProfile(null, n).isEmpty())
                .orElse(null);
        String email = text(claims.get("email")).or(() -> text(claims.get("preferred_username")))
                .filter(e -> e.contains("@") && UsernamePolicy.checkProfile(e, null).isEmpty()).orElse(null);
        var command = new RegisterSingleSignOnUser(username, granted, displayName, email, issuer, subject);
        try {
            readYourWrites.sendAndAwait(as(username, command), new FindUser(username), UserView.class, v -> true,
                    Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            credentials.delete(username);
            throw e;
        }
        return Optional.of(new AuraUserDetailsService.Account(username, granted, false,
                new SingleSignOnLinked(username, issuer, subject)));
    }

    /** The person signing in is who acts; the metadata says it came from the provider. */
    private static Object as(String username, Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(MessageMetadata.ACTOR, username,
                MessageMetadata.ACTOR_ROLES, "", "signedInWith", "openid-provider"));
    }

    /**
     * The Aura user name a claim value makes: in lower case, without a domain after {@code @}
     * ({@code Alice@contoso.com} is {@code alice}); empty if that is no valid user name.
     */
    static Optional<String> username(Object claim) {
        return text(claim).map(t -> t.strip().toLowerCase(Locale.ROOT))
                .map(t -> t.contains("@") ? t.substring(0, t.indexOf('@')) : t)
                .filter(t -> UsernamePolicy.check(t, Set.of(Role.REQUESTER), null).isEmpty());
    }

    private static Optional<String> text(Object value) {
        return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    private static String unguessable() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes).substring(0, 40); // bcrypt reads 72 bytes at most
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RefusedException("interrupted while another sign-in registered the account");
        }
    }
}
