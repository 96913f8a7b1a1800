package io.aura.command.identity;

import io.aura.command.Fixtures;
import io.aura.kernel.identity.Role;
import io.aura.kernel.identity.UserCommands.GrantRoles;
import io.aura.kernel.identity.UserCommands.RegisterUser;
import io.aura.kernel.identity.UserEvents.RolesGranted;
import io.aura.kernel.identity.UserEvents.UserRegistered;
import io.aura.kernel.validation.InvalidInputException;
import java.util.Set;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserAccountTest {

    private FixtureConfiguration<UserAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = Fixtures.fixtureFor(UserAccount.class);
    }

    @Test
    void registering_a_user_records_user_registered_without_any_password() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser("alice", Set.of(Role.REQUESTER), "Alice", "alice@example.org"))
                .expectEvents(new UserRegistered("alice", Set.of(Role.REQUESTER), "Alice", "alice@example.org"));
    }

    @Test
    void a_user_without_roles_is_refused_and_nothing_is_recorded() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser("alice", Set.of(), null, null))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void granting_roles_records_only_the_new_ones() {
        fixture.given(new UserRegistered("alice", Set.of(Role.REQUESTER), null, null))
                .when(new GrantRoles("alice", Set.of(Role.REQUESTER, Role.APPROVER)))
                .expectEvents(new RolesGranted("alice", Set.of(Role.APPROVER)));
    }

    @Test
    void granting_roles_already_held_records_nothing() {
        fixture.given(new UserRegistered("alice", Set.of(Role.REQUESTER), null, null))
                .when(new GrantRoles("alice", Set.of(Role.REQUESTER)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
