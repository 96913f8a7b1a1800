package io.aura.app.security;

import io.aura.kernel.identity.Role;
import io.aura.kernel.identity.UserEvents.RoleRevoked;
import io.aura.kernel.identity.UserEvents.RolesGranted;
import io.aura.kernel.identity.UserEvents.SingleSignOnLinked;
import io.aura.kernel.identity.UserEvents.UserDisabled;
import io.aura.kernel.identity.UserEvents.UserRegistered;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * A person who can sign in, and what they may do now: the hash from the credential store, the roles
 * and whether the account is disabled folded from the account's own events. Not from the user view:
 * during a replay it is being rebuilt, and right after a change it may be a few milliseconds behind —
 * a sign-in must not fail (or get fewer roles) then, and a revoked role or a disabled account must not
 * keep working then. Not from a cache either: every node reads the same event store, so a change
 * made on one node holds on every node at the next request.
 */
@Component
public class AuraUserDetailsService implements UserDetailsService {
    private static final String ACCOUNT = "UserAccount";

    private final CredentialStore credentials;
    private final AccountEvents events;

    public AuraUserDetailsService(CredentialStore credentials, AccountEvents events) {
        this.credentials = credentials;
        this.events = events;
    }

    /**
     * An account as its events leave it now; {@code link} is the OpenID provider's person it belongs to
     * (ADR 0042), null for a local account.
     */
    public record Account(String username, Set<Role> roles, boolean disabled, SingleSignOnLinked link) {
        public Account {
            roles = Set.copyOf(roles);
        }

        public Account(String username, Set<Role> roles, boolean disabled) {
            this(username, roles, disabled, null);
        }

        /** Whether the account is that of {@code subject} at {@code issuer}. */
        public boolean linkedTo(String issuer, String subject) {
            return link != null && link.issuer().equals(issuer) && link.subject().equals(subject);
        }

        /** What a request of this account may do: its roles now, whatever an older token or session says. */
        public List<SimpleGrantedAuthority> authorities() {
            return roles.stream().sorted().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
        }
    }

    /** A disabled user is refused as an unknown one is: the same answer as a wrong password. */
    @Override
    public UserDetails loadUserByUsername(String username) {
        String hash = credentials.passwordHash(username)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        Account account = activeAccount(username)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return User.withUsername(username)
                .password(hash)
                .authorities(account.authorities())
                .build();
    }

    /**
     * The account of a registered user as it is now (registration, then every grant, revocation and
     * disabling), or empty if there is no such account. One read of the account's stream, by its key.
     */
    public Optional<Account> currentAccount(String username) {
        return fold(username, events.of(username));
    }

    /**
     * The account as it is now if it may act at all: not disabled. The one check every request (bearer token,
     * UI session) and every open stream makes before it acts for the account.
     */
    public Optional<Account> activeAccount(String username) {
        return currentAccount(username).filter(a -> !a.disabled());
    }

    /** The account the events of aggregate {@code username} make, in their order. */
    static Optional<Account> fold(String username, Iterator<? extends DomainEventMessage<?>> events) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        boolean registered = false;
        boolean disabled = false;
        SingleSignOnLinked link = null;
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (!ACCOUNT.equals(event.getType())) {
                return Optional.empty(); // the id belongs to some other aggregate
            }
            switch (event.getPayload()) {
                case UserRegistered r -> {
                    registered = true;
                    if (r.roles() != null) {
                        roles.addAll(r.roles());
                    }
                }
                case RolesGranted granted -> roles.addAll(granted.roles());
                case RoleRevoked revoked -> roles.remove(revoked.role());
                case UserDisabled ignored -> disabled = true;
                case SingleSignOnLinked linked -> link = linked;
                default -> { } // a later kind of account event changes neither roles nor access
            }
        }
        return !registered ? Optional.empty() : Optional.of(new Account(username, roles, disabled, link));
    }
}
