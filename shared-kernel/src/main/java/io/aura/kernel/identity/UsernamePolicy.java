package io.aura.kernel.identity;

import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.Rule;
import io.aura.kernel.validation.TextPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules a new account must satisfy, as a pure function shared by the API and the aggregate. */
public final class UsernamePolicy {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    public static final int MIN_PASSWORD_LENGTH = 12;

    private UsernamePolicy() {}

    public static final int MAX_DISPLAY_NAME_LENGTH = 100;
    /** RFC 5321's bound for a path; an address longer than this cannot be delivered to anyway. */
    public static final int MAX_EMAIL_LENGTH = 254;

    public static List<FieldViolation> check(String username, Set<Role> roles, String email, String displayName) {
        List<FieldViolation> out = check(username, roles, null);
        out.addAll(checkProfile(email, displayName));
        return out;
    }

    public static List<FieldViolation> check(String username, Set<Role> roles, String email) {
        List<FieldViolation> out = new ArrayList<>();
        if (username == null || !USERNAME.matcher(username).matches()) {
            out.add(FieldViolation.of("username", Rule.USERNAME_SHAPE));
        }
        if (roles == null || roles.isEmpty()) {
            out.add(FieldViolation.of("roles", Rule.ROLES_REQUIRED));
        }
        out.addAll(checkEmail(email));
        return out;
    }

    private static List<FieldViolation> checkEmail(String email) {
        List<FieldViolation> out = new ArrayList<>();
        if (email != null && email.length() > MAX_EMAIL_LENGTH) {
            out.add(FieldViolation.of("email", Rule.TOO_LONG, MAX_EMAIL_LENGTH));
        } else if (email != null && !email.isBlank() && !EMAIL.matcher(email).matches()) {
            out.add(FieldViolation.of("email", Rule.NOT_AN_EMAIL));
        }
        return out;
    }

    public static List<FieldViolation> checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            return List.of(FieldViolation.of("password", Rule.PASSWORD_TOO_SHORT, MIN_PASSWORD_LENGTH));
        }
        // bcrypt reads 72 bytes and no more; a longer password would be cut silently (or refused by the hasher)
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
            return List.of(FieldViolation.of("password", Rule.PASSWORD_TOO_LONG));
        }
        return List.of();
    }

    /**
     * What a user's display name and e-mail address must be (null or blank: none), at registration and at
     * every change after it.
     */
    public static List<FieldViolation> checkProfile(String email, String displayName) {
        List<FieldViolation> out = checkEmail(email);
        TextPolicy.line("displayName", displayName, MAX_DISPLAY_NAME_LENGTH).ifPresent(out::add);
        return out;
    }
}
