package io.aura.app.api.identity;

import io.aura.gateway.ReadYourWrites;
import io.aura.kernel.identity.PreferredLanguage;
import io.aura.kernel.identity.Role;
import io.aura.kernel.identity.UserCommands.ChoosePreferredLanguage;
import io.aura.kernel.identity.UserQueries.FindUser;
import io.aura.kernel.identity.UserQueries.UserView;
import io.aura.kernel.validation.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The UI language a user chose, kept with their account (an event), so every browser they sign in from
 * opens in it. Each user sets their own: the name is the caller's, never one in the request.
 */
@RestController
@Tag(name = "Identity")
public class PreferredLanguageController {
    private static final Duration READ_SIDE_TIMEOUT = Duration.ofSeconds(10);

    private final ReadYourWrites readYourWrites;

    public PreferredLanguageController(ReadYourWrites readYourWrites) {
        this.readYourWrites = readYourWrites;
    }

    public record LanguageRequest(String language) {}

    /** The caller as the views know them, with the language they chose (null: none yet). */
    public record UserWithLanguage(String username, List<Role> roles, String displayName, String email,
                                   String language) {
        static UserWithLanguage of(UserView v) {
            return new UserWithLanguage(v.username(), List.copyOf(new TreeSet<>(v.roles())), v.displayName(),
                    v.email(), v.language());
        }
    }

    @Operation(summary = "Choose my UI language (any user, for themself): \"en\" or \"de\"; the web UI opens in it "
            + "from the next page on. 400 naming language for any other value")
    @PutMapping("/api/users/me/language")
    @PreAuthorize("isAuthenticated()")
    public UserWithLanguage choose(@RequestBody LanguageRequest request, Authentication authentication) {
        String tag = request == null ? null : request.language();
        var violations = PreferredLanguage.check(tag);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        String me = authentication.getName();
        return UserWithLanguage.of(readYourWrites.sendAndAwait(new ChoosePreferredLanguage(me, tag), new FindUser(me),
                        UserView.class, view -> tag.equals(view.language()), READ_SIDE_TIMEOUT)
                .orElseThrow(() -> new IllegalStateException("the user view did not show the language in time")));
    }
}
