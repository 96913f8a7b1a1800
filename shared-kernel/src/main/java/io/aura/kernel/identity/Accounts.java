package io.aura.kernel.identity;

import java.util.List;

/**
 * Creating accounts, implemented where passwords are hashed and credentials kept. Views use it so
 * that a user created in the UI goes through exactly the checks of {@code POST /api/users}.
 */
public interface Accounts {
    /** @throws io.aura.kernel.validation.InvalidInputException naming each field that is wrong */
    UserQueries.UserView create(String username, String password, List<String> roles, String displayName, String email);
}
