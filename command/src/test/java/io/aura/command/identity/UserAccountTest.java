package io.aura.command.identity;

import io.aura.command.Fixtures;
import io.aura.kernel.MessageMetadata;
import io.aura.kernel.identity.Role;
import io.aura.kernel.identity.UserCommands.AdoptProviderRoles;
import io.aura.kernel.identity.UserCommands.ChangeUserProfile;
import io.aura.kernel.identity.UserCommands.ChoosePreferredLanguage;
import io.aura.kernel.identity.UserCommands.DisableUser;
import io.aura.kernel.identity.UserCommands.GrantRoles;
import io.aura.kernel.identity.UserCommands.RegisterSingleSignOnUser;
import io.aura.kernel.identity.UserCommands.RegisterUser;
import io.aura.kernel.identity.UserCommands.RevokeRole;
import io.aura.kernel.identity.UserEvents.PreferredLanguageChosen;
import io.aura.kernel.identity.UserEvents.RoleRevoked;
import io.aura.kernel.identity.UserEvents.RolesGranted;
import io.aura.kernel.identity.UserEvents.SingleSignOnLinked;
import io.aura.kernel.identity.UserEvents.UserDisabled;
import io.aura.kernel.identity.UserEvents.UserProfileChanged;
import io.aura.kernel.identity.UserEvents.UserRegistered;
import io.aura.kernel.validation.InvalidInputException;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserAccountTest {

    private static final Map<String, String> BY_ADMIN = Map.of(MessageMetadata.ACTOR, "admin");

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

    @Test
    void revoking_a_held_role_records_role_revoked() {
        fixture.given(new UserRegistered("alice", Set.of(Role.REQUESTER, Role.APPROVER), null, null))
                .when(new RevokeRole("alice", Role.APPROVER), BY_ADMIN)
                .expectEvents(new RoleRevoked("alice", Role.APPROVER));
    }

    @Test
    void revoking_a_granted_role_records_role_revoked() {
        fixture.given(new UserRegistered("alice", Set.of(Role.REQUESTER), null, null),
                        new RolesGranted("alice", Set.of(Role.ADMIN)))
                .when(new RevokeRole("alice", Role.ADMIN), BY_ADMIN)
                .expectEvents(new RoleRevoked("alice", Role.ADMIN));
    }

    @Test
    void revoking_a_role_not_held_records_nothing() {
        fixture.given(new UserRegistered("alice", Set.of(Role.REQUESTER), null, null))
                .when(new RevokeRole("alice", Role.APPROVER), BY_ADMIN)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void revoking_a_role_twice_records_it_once() {
        fixture.given(new UserRegistered("alice", Set.of(Role.REQUESTER, Role.APPROVER), null, null),
                        new RoleRevoked("alice", Role.APPROVER))
                .when(new RevokeRole("alice", Role.APPROVER), BY_ADMIN)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_revoked_role_can_be_granted_again() {
        fixture.given(new UserRegistered("alice", Set.of(Role.REQUESTER, Role.APPROVER), null, null),
                        new RoleRevoked("alice", Role.APPROVER))
                .when(new GrantRoles("alice", Set.of(Role.APPROVER)))
                .expectEvents(new RolesGranted("alice", Set.of(Role.APPROVER)));
    }

    @Test
    void an_administrator_cannot_revoke_their_own_admin_role_and_nothing_is_recorded() {
        fixture.given(new UserRegistered("admin", Set.of(Role.ADMIN), null, null))
                .when(new RevokeRole("admin", Role.ADMIN), BY_ADMIN)
                .expectException(SelfLockoutException.class)
                .expectNoEvents();
    }

    @Test
    void an_administrator_may_give_up_another_of_their_own_roles() {
        fixture.given(new UserRegistered("admin", Set.of(Role.ADMIN, Role.APPROVER), null, null))
                .when(new RevokeRole("admin", Role.APPROVER), BY_ADMIN)
                .expectEvents(new RoleRevoked("admin", Role.APPROVER));
    }

    @Test
    void disabling_a_user_records_user_disabled() {
        fixture.given(new UserRegistered("alice", Set.of(Role.REQUESTER), null, null))
                .when(new DisableUser("alice"), BY_ADMIN)
                .expectEvents(new UserDisabled("alice"));
    }

    @Test
    void disabling_a_user_twice_records_nothing_the_second_time() {
        fixture.given(new UserRegistered("alice", Set.of(Role.REQUESTER), null, null), new UserDisabled("alice"))
                .when(new DisableUser("alice"), BY_ADMIN)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void nobody_can_disable_themselves_and_nothing_is_recorded() {
        fixture.given(new UserRegistered("admin", Set.of(Role.ADMIN), null, null))
                .when(new DisableUser("admin"), BY_ADMIN)
                .expectException(SelfLockoutException.class)
                .expectNoEvents();
    }

    @Test
    void choosing_a_language_records_the_choice() {
        fixture.given(new UserRegistered("alice", Set.of(Role.REQUESTER), null, null))
                .when(new ChoosePreferredLanguage("alice", "de"))
                .expectEvents(new PreferredLanguageChosen("alice", "de"));
    }

    @Test
    void choosing_another_language_later_records_it() {
        fixture.given(new UserRegistered("alice", Set.of(Role.REQUESTER), null, null),
                        new PreferredLanguageChosen("alice", "de"))
                .when(new ChoosePreferredLanguage("alice", "en"))
                .expectEvents(new PreferredLanguageChosen("alice", "en"));
    }

    @Test
    void choosing_the_language_chosen_already_records_nothing() {
        fixture.given(new UserRegistered("alice", Set.of(Role.REQUESTER), null, null),
                        new PreferredLanguageChosen("alice", "de"))
                .when(new ChoosePreferredLanguage("alice", "de"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_language_not_offered_is_refused_naming_the_language_and_nothing_is_recorded() {
        for (String tag : new String[] {"fr", "DE", "de-DE", "", null}) {
            fixture.given(new UserRegistered("alice", Set.of(Role.REQUESTER), null, null))
                    .when(new ChoosePreferredLanguage("alice", tag))
                    .expectException(InvalidInputException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.startsWith("language: must be one of en, de"))
                    .expectNoEvents();
        }
    }

    @Test
    void changing_a_profile_records_the_new_display_name_and_e_mail() {
        fixture.given(new UserRegistered("alice", Set.of(Role.REQUESTER), "Alice", "alice@example.org"))
                .when(new ChangeUserProfile("alice", "Alice Liddell", "liddell@example.org"), BY_ADMIN)
                .expectEvents(new UserProfileChanged("alice", "Alice Liddell", "liddell@example.org"));
    }

    @Test
    void a_field_left_out_keeps_what_it_was_and_a_blank_one_removes_it() {
        fixture.given(new UserRegistered("alice", Set.of(Role.REQUESTER), "Alice", "alice@example.org"))
                .when(new ChangeUserProfile("alice", null, ""))
                .expectEvents(new UserProfileChanged("alice", "Alice", null));
    }

    @Test
    void a_profile_changed_before_is_the_one_compared_with() {
        fixture.given(new UserRegistered("alice", Set.of(Role.REQUESTER), "Alice", null),
                        new UserProfileChanged("alice", "Alice Liddell", "liddell@example.org"))
                .when(new ChangeUserProfile("alice", "Alice", null))
                .expectEvents(new UserProfileChanged("alice", "Alice", "liddell@example.org"));
    }

    @Test
    void changing_a_profile_to_what_it_is_already_records_nothing() {
        fixture.given(new UserRegistered("alice", Set.of(Role.REQUESTER), "Alice", ""),
                        new UserProfileChanged("alice", "Alice Liddell", null))
                .when(new ChangeUserProfile("alice", "Alice Liddell", " "))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void an_invalid_e_mail_is_refused_naming_email_and_nothing_is_recorded() {
        fixture.given(new UserRegistered("alice", Set.of(Role.REQUESTER), "Alice", "alice@example.org"))
                .when(new ChangeUserProfile("alice", "Alice Liddell", "not an address"), BY_ADMIN)
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("email: "))
                .expectNoEvents();
    }

    @Test
    void a_display_name_registration_would_refuse_is_refused_naming_display_name() {
        fixture.given(new UserRegistered("alice", Set.of(Role.REQUESTER), "Alice", null))
                .when(new ChangeUserProfile("alice", "Al\u202Eice", null))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("displayName: "))
                .expectNoEvents();
    }

    @Test
    void a_disabled_users_profile_can_still_be_changed() {
        fixture.given(new UserRegistered("alice", Set.of(Role.REQUESTER), "Alice", null), new UserDisabled("alice"))
                .when(new ChangeUserProfile("alice", null, "alice@example.org"), BY_ADMIN)
                .expectEvents(new UserProfileChanged("alice", "Alice", "alice@example.org"));
    }

    private static final String ISSUER = "https://login.example.org/tenant/v2.0";

    @Test
    void a_first_single_sign_on_registers_the_user_linked_to_the_provider_s_person() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSingleSignOnUser("alice", Set.of(Role.APPROVER), "Alice", "alice@example.org",
                        ISSUER, "oid-1"))
                .expectEvents(new UserRegistered("alice", Set.of(Role.APPROVER), "Alice", "alice@example.org"),
                        new SingleSignOnLinked("alice", ISSUER, "oid-1"));
    }

    @Test
    void a_single_sign_on_user_takes_the_provider_s_roles_granting_and_revoking_in_one_step() {
        fixture.given(new UserRegistered("alice", Set.of(Role.ADMIN, Role.REQUESTER), null, null),
                        new SingleSignOnLinked("alice", ISSUER, "oid-1"))
                .when(new AdoptProviderRoles("alice", Set.of(Role.REQUESTER, Role.AUDITOR), ISSUER, "oid-1"))
                .expectEvents(new RolesGranted("alice", Set.of(Role.AUDITOR)), new RoleRevoked("alice", Role.ADMIN));
    }

    @Test
    void the_provider_s_roles_as_they_are_record_nothing() {
        fixture.given(new UserRegistered("alice", Set.of(Role.REQUESTER), null, null),
                        new SingleSignOnLinked("alice", ISSUER, "oid-1"))
                .when(new AdoptProviderRoles("alice", Set.of(Role.REQUESTER), ISSUER, "oid-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_local_account_never_takes_roles_from_a_provider() {
        fixture.given(new UserRegistered("admin", Set.of(Role.ADMIN), null, null))
                .when(new AdoptProviderRoles("admin", Set.of(Role.REQUESTER), ISSUER, "oid-1"))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void another_person_of_the_provider_never_takes_a_linked_account_s_roles() {
        fixture.given(new UserRegistered("alice", Set.of(Role.REQUESTER), null, null),
                        new SingleSignOnLinked("alice", ISSUER, "oid-1"))
                .when(new AdoptProviderRoles("alice", Set.of(Role.ADMIN), ISSUER, "oid-2"))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }
}
