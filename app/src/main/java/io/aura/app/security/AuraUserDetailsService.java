package io.aura.app.security;

import io.aura.kernel.identity.Role;
import io.aura.kernel.identity.UserEvents.RolesGranted;
import io.aura.kernel.identity.UserEvents.UserRegistered;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * A person who can sign in: the hash from the credential store, the roles folded from the account's
 * own events. Not from the user view: during a replay it is being rebuilt, and right after a user is
 * created it may be a few milliseconds behind — a sign-in must not fail (or get fewer roles) then.
 */
@Component
public class AuraUserDetailsService implements UserDetailsService {
    private static final String ACCOUNT = "UserAccount";

    private final CredentialStore credentials;
    private final EventStore eventStore;

    public AuraUserDetailsService(CredentialStore credentials, EventStore eventStore) {
        this.credentials = credentials;
        this.eventStore = eventStore;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        String hash = credentials.passwordHash(username)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        Set<Role> roles = rolesOf(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return User.withUsername(username)
                .password(hash)
                .roles(roles.stream().map(Enum::name).toArray(String[]::new))
                .build();
    }

    /** The roles of a registered user (registration, then every grant), or empty if there is no such account. */
    public Optional<Set<Role>> rolesOf(String username) {
        DomainEventStream events = eventStore.readEvents(username, 0);
        Set<Role> roles = null;
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (!ACCOUNT.equals(event.getType())) {
                return Optional.empty(); // the id belongs to some other aggregate
            }
            if (event.getPayload() instanceof UserRegistered registered) {
                roles = registered.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(registered.roles());
            } else if (event.getPayload() instanceof RolesGranted granted && roles != null) {
                roles.addAll(granted.roles());
            }
        }
        return Optional.ofNullable(roles).map(Set::copyOf);
    }
}
