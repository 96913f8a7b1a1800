package io.aura.app.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person signed in to the UI through the OpenID provider, named by their Aura user name: every part of the
 * UI, the session filter and the commands' actor read {@code getName()}, as for a local account.
 */
final class SingleSignOnUser extends DefaultOidcUser {
    private static final long serialVersionUID = 1L;

    private final String username;

    SingleSignOnUser(String username, Collection<? extends GrantedAuthority> authorities, OidcUser signedIn) {
        super(authorities, signedIn.getIdToken(), signedIn.getUserInfo(), IdTokenClaimNames.SUB);
        this.username = username;
    }

    @Override
    public String getName() {
        return username;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SingleSignOnUser that && super.equals(that) && username.equals(that.username);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + username.hashCode();
    }
}
