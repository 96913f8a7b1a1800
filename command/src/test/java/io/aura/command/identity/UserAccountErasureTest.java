package io.aura.command.identity;

import io.aura.command.Fixtures;
import io.aura.kernel.MessageMetadata;
import io.aura.kernel.identity.Role;
import io.aura.kernel.identity.UserCommands.ChangeUserProfile;
import io.aura.kernel.identity.UserCommands.EraseUser;
import io.aura.kernel.identity.UserCommands.GrantRoles;
import io.aura.kernel.identity.UserEvents.UserDisabled;
import io.aura.kernel.identity.UserEvents.UserErased;
import io.aura.kernel.identity.UserEvents.UserRegistered;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Erasing a person's account (ADR 0046): given the account's events, when a command, expect these events. */
class UserAccountErasureTest {

    private static final Map<String, String> BY_ADMIN = Map.of(MessageMetadata.ACTOR, "admin");

    private FixtureConfiguration<UserAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = Fixtures.fixtureFor(UserAccount.class);
    }

    @Test
    void erasing_a_registered_user_disables_them_and_records_the_erasure() {
        fixture.given(new UserRegistered("alice", Set.of(Role.REQUESTER), "Alice Liddell", "alice@example.org"))
                .when(new EraseUser("alice"), BY_ADMIN)
                .expectEvents(new UserDisabled("alice"), new UserErased("alice"));
    }

    @Test
    void erasing_a_disabled_user_records_only_the_erasure() {
        fixture.given(new UserRegistered("alice", Set.of(Role.REQUESTER), "Alice Liddell", null),
                        new UserDisabled("alice"))
                .when(new EraseUser("alice"), BY_ADMIN)
                .expectEvents(new UserErased("alice"));
    }

    @Test
    void erasing_an_erased_user_again_records_nothing() {
        fixture.given(new UserRegistered("alice", Set.of(Role.REQUESTER), "Alice Liddell", null),
                        new UserDisabled("alice"), new UserErased("alice"))
                .when(new EraseUser("alice"), BY_ADMIN)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void an_erased_user_takes_no_new_name_or_address_and_nothing_is_recorded() {
        fixture.given(new UserRegistered("alice", Set.of(Role.REQUESTER), "Alice Liddell", null),
                        new UserDisabled("alice"), new UserErased("alice"))
                .when(new ChangeUserProfile("alice", "Alice Again", "again@example.org"), BY_ADMIN)
                .expectException(ErasedAccountException.class)
                .expectNoEvents();
    }

    @Test
    void an_erased_user_is_granted_no_role_and_nothing_is_recorded() {
        fixture.given(new UserRegistered("alice", Set.of(Role.REQUESTER), null, null),
                        new UserDisabled("alice"), new UserErased("alice"))
                .when(new GrantRoles("alice", Set.of(Role.APPROVER)), BY_ADMIN)
                .expectException(ErasedAccountException.class)
                .expectNoEvents();
    }

    @Test
    void nobody_erases_themselves_and_nothing_is_recorded() {
        fixture.given(new UserRegistered("admin", Set.of(Role.ADMIN), "The Admin", "admin@example.org"))
                .when(new EraseUser("admin"), BY_ADMIN)
                .expectException(SelfLockoutException.class)
                .expectNoEvents();
    }
}
