package io.aura.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * A UI session acts with the account's roles of the moment. (The UI's pages answer the same bootstrap
 * whatever the roles; which views open is decided in its XHR round trips, which pass this same filter.)
 */
class SessionAccountFilterIT extends IntegrationTest {
    @Autowired
    AuraUserDetailsService accounts;

    @Test
    void a_session_signed_in_with_admin_acts_without_it_once_it_is_revoked_and_the_session_is_left_as_it_was()
            throws Exception {
        String name = unique("uiada");
        userWithRoles(name, "REQUESTER", "ADMIN");
        assertThat(http.delete("/api/users/" + name + "/roles/ADMIN", adminToken).status()).isEqualTo(200);
        SecurityContext session = new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(name, null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("ROLE_REQUESTER"))));
        List<String> actedWith = new ArrayList<>();
        SecurityContextHolder.setContext(session);
        try {
            new SessionAccountFilter(accounts).doFilter(new MockHttpServletRequest("POST", "/"),
                    new MockHttpServletResponse(), (request, response) -> SecurityContextHolder.getContext()
                            .getAuthentication().getAuthorities().forEach(a -> actedWith.add(a.getAuthority())));
        } finally {
            SecurityContextHolder.clearContext();
        }

        assertThat(actedWith).containsExactly("ROLE_REQUESTER");
        assertThat(session.getAuthentication().getAuthorities()).hasSize(2);
    }
}
