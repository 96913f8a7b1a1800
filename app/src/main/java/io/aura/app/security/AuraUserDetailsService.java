package io.aura.app.security;

import io.aura.kernel.identity.UserQueries.FindUser;
import io.aura.kernel.identity.UserQueries.UserView;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** A person who can sign in: the hash from the credential store, the roles from the user projection. */
@Component
public class AuraUserDetailsService implements UserDetailsService {
    private final CredentialStore credentials;
    private final QueryGateway queries;

    public AuraUserDetailsService(CredentialStore credentials, QueryGateway queries) {
        this.credentials = credentials;
        this.queries = queries;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        String hash = credentials.passwordHash(username)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        UserView view = find(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return User.withUsername(username)
                .password(hash)
                .roles(view.roles().stream().map(Enum::name).toArray(String[]::new))
                .build();
    }

    public Optional<UserView> find(String username) {
        return queries.query(new FindUser(username), ResponseTypes.optionalInstanceOf(UserView.class)).join();
    }
}
