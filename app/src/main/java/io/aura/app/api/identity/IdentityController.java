package io.aura.app.api.identity;

import io.aura.app.api.ProblemHandling;
import io.aura.app.identity.UserService;
import io.aura.app.security.AccessTokens;
import io.aura.app.security.AuraUserDetailsService;
import io.aura.app.security.CredentialStore;
import io.aura.app.security.LoginThrottle;
import io.aura.kernel.identity.Role;
import io.aura.kernel.identity.UserQueries.UserView;
import io.aura.kernel.validation.FieldViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Identity")
public class IdentityController {
    // A hash of a random string: checking an unknown user costs as much time as checking a known one.
    private final String timingDummy;

    private final AccessTokens tokens;
    private final CredentialStore credentials;
    private final AuraUserDetailsService users;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final UserService userService;

    public IdentityController(AccessTokens tokens, CredentialStore credentials, AuraUserDetailsService users,
                              PasswordEncoder encoder, LoginThrottle throttle, UserService userService) {
        this.tokens = tokens;
        this.credentials = credentials;
        this.users = users;
        this.encoder = encoder;
        this.throttle = throttle;
        this.userService = userService;
        this.timingDummy = encoder.encode(java.util.UUID.randomUUID().toString());
    }

    public record TokenRequest(String username, String password) {}

    public record TokenResponse(String access_token, String token_type, long expires_in) {}

    public record UserSummary(String username, List<Role> roles) {
        static UserSummary of(String username, java.util.Collection<Role> roles) {
            return new UserSummary(username, List.copyOf(new TreeSet<>(roles)));
        }
    }

    @Operation(summary = "Sign in: exchange a user name and password for a bearer token")
    @PostMapping("/api/auth/token")
    public ResponseEntity<?> token(@RequestBody TokenRequest request, HttpServletRequest http) {
        List<FieldViolation> violations = new ArrayList<>();
        if (request.username() == null || request.username().isBlank()) {
            violations.add(new FieldViolation("username", "is required"));
        }
        if (request.password() == null || request.password().isEmpty()) {
            violations.add(new FieldViolation("password", "is required"));
        }
        if (!violations.isEmpty()) {
            return ResponseEntity.badRequest().body(ProblemHandling.invalid(violations));
        }
        String address = http.getRemoteAddr();
        Optional<Duration> wait = throttle.begin(request.username(), address); // counted as failed until it succeeds
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                    "Too many failed sign-ins; try again in " + seconds + " s.");
            problem.setTitle("Too many requests");
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", Long.toString(seconds))
                    .body(problem);
        }
        Optional<String> hash = credentials.passwordHash(request.username());
        boolean matches = encoder.matches(request.password(), hash.orElse(timingDummy)) && hash.isPresent();
        // a disabled user is told what a wrong password is told: nothing about the account
        Optional<Set<Role>> roles = matches ? users.currentAccount(request.username()).filter(a -> !a.disabled())
                .map(AuraUserDetailsService.Account::roles) : Optional.empty();
        if (roles.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "Unknown user name or wrong password.");
            problem.setTitle("Unauthorized");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
        }
        throttle.succeeded(request.username(), address);
        AccessTokens.Issued issued = tokens.issue(request.username(), roles.get());
        return ResponseEntity.ok(new TokenResponse(issued.token(), "Bearer", issued.expiresInSeconds()));
    }

    @Operation(summary = "Create a user (ADMIN)")
    @PostMapping("/api/users")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<UserSummary> createUser(@RequestBody UserService.NewUser request) {
        UserView view = userService.register(request);
        return ResponseEntity.created(URI.create("/api/users/" + view.username()))
                .body(UserSummary.of(view.username(), view.roles()));
    }

    @Operation(summary = "Who am I: the caller's name and roles")
    @GetMapping("/api/users/me")
    @PreAuthorize("isAuthenticated()")
    public UserSummary me(Authentication authentication) {
        List<Role> roles = authentication.getAuthorities().stream()
                .map(a -> a.getAuthority().replaceFirst("^ROLE_", ""))
                .map(Role::valueOf)
                .toList();
        return UserSummary.of(authentication.getName(), roles);
    }

    public record RolesRequest(List<String> roles) {}

    @Operation(summary = "Grant roles to a user (ADMIN); recorded with who granted them")
    @PostMapping("/api/users/{username}/roles")
    @PreAuthorize("hasRole('ADMIN')")
    public UserSummary grantRoles(@PathVariable String username, @RequestBody RolesRequest request) {
        UserView view = userService.grantRoles(username, request.roles());
        return UserSummary.of(view.username(), view.roles());
    }

    /** A user as an administrator sees them: disabled ones too, with the roles they held. */
    public record UserListing(String username, List<Role> roles, String displayName, String email, boolean disabled) {
        static UserListing of(UserView v) {
            return new UserListing(v.username(), List.copyOf(new TreeSet<>(v.roles())), v.displayName(), v.email(),
                    v.disabled());
        }
    }

    @Operation(summary = "List every user, disabled ones too (ADMIN)")
    @GetMapping("/api/users")
    @PreAuthorize("hasRole('ADMIN')")
    public List<UserListing> listUsers() {
        return userService.list().stream().map(UserListing::of).toList();
    }

    @Operation(summary = "Revoke one role from a user (ADMIN); it stops working at the user's next request. "
            + "Recorded with who revoked it; revoking a role not held changes nothing; nobody revokes their own ADMIN")
    @DeleteMapping("/api/users/{username}/roles/{role}")
    @PreAuthorize("hasRole('ADMIN')")
    public UserSummary revokeRole(@PathVariable String username, @PathVariable String role) {
        UserView view = userService.revokeRole(username, role);
        return UserSummary.of(view.username(), view.roles());
    }

    @Operation(summary = "Disable a user (ADMIN): from the next request on, on every node, their tokens and "
            + "sessions are refused and they cannot sign in. Recorded with who did it; nobody disables themselves")
    @PostMapping("/api/users/{username}/disable")
    @PreAuthorize("hasRole('ADMIN')")
    public UserListing disable(@PathVariable String username) {
        return UserListing.of(userService.disable(username));
    }

    @Operation(summary = "Erase a user's personal data (ADMIN): their display name, e-mail and the titles, "
            + "descriptions and comments they wrote become unreadable everywhere, the event store and its backups "
            + "included, while /api/audit/verify stays valid; the account is disabled. 202: the views forget them "
            + "moments later. Nobody erases themselves; erasing twice changes nothing")
    @PostMapping("/api/users/{username}/erase")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<Void> erase(@PathVariable String username) {
        userService.erase(username);
        return ResponseEntity.accepted().build();
    }

    /** A user's new display name and e-mail: a field left out stays as it is, a blank one is removed. */
    public record ProfileRequest(String displayName, String email) {}

    @Operation(summary = "Change a user's display name and e-mail (ADMIN; disabled users too): a field left out "
            + "stays as it is, an empty one is removed. Registration's rules; 400 naming the field, 404 for no such "
            + "user. Recorded with who changed it; the same profile again records nothing")
    @PutMapping("/api/users/{username}")
    @PreAuthorize("hasRole('ADMIN')")
    public UserListing changeProfile(@PathVariable String username, @RequestBody ProfileRequest request) {
        return UserListing.of(userService.changeProfile(username, request.displayName(), request.email()));
    }

    @Operation(summary = "Change my display name and e-mail (any user, for themself): a field left out stays as "
            + "it is, an empty one is removed. Registration's rules; 400 naming the field")
    @PutMapping("/api/users/me/profile")
    @PreAuthorize("isAuthenticated()")
    public UserListing changeMyProfile(@RequestBody ProfileRequest request, Authentication authentication) {
        // the signed-in name, never one in the request: nobody changes someone else's profile here
        return UserListing.of(userService.changeProfile(authentication.getName(), request.displayName(),
                request.email()));
    }

    @ExceptionHandler(UserService.UnknownUserException.class)
    ResponseEntity<ProblemDetail> unknownUser(UserService.UnknownUserException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("No such user");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler(UserService.UsernameTakenException.class)
    ResponseEntity<ProblemDetail> taken(UserService.UsernameTakenException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("User name taken");
        problem.setProperty("errors", List.of(Map.of("field", "username", "message", "is taken")));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}
