package io.aura.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aura.kernel.identity.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class RoleMappingTest {
    private static final List<String> CLAIMS = List.of("roles", "groups");

    @Test
    void app_roles_and_groups_map_to_roles_through_the_mapping() {
        var mapping = RoleMapping.parse(CLAIMS, "Aura.Approver=APPROVER, REQUESTER; 5f1c-group=AUDITOR", List.of());

        assertThat(mapping.rolesOf(Map.of("roles", List.of("Aura.Approver"), "groups", List.of("5f1c-group"))))
                .containsExactlyInAnyOrder(Role.APPROVER, Role.REQUESTER, Role.AUDITOR);
    }

    @Test
    void a_value_that_is_a_role_s_name_maps_to_it_and_an_unmapped_value_grants_nothing() {
        var mapping = RoleMapping.parse(CLAIMS, "", List.of());

        assertThat(mapping.rolesOf(Map.of("roles", List.of("ADMIN", "Aura.Admin", "admin")))).containsExactly(Role.ADMIN);
        assertThat(mapping.rolesOf(Map.of("roles", List.of("Something.Else")))).isEmpty();
        assertThat(mapping.rolesOf(Map.of())).isEmpty();
    }

    @Test
    void a_single_text_claim_counts_as_one_value_and_other_claims_are_not_read() {
        var mapping = RoleMapping.parse(List.of("roles"), "Aura.Admin=ADMIN", List.of());

        assertThat(mapping.rolesOf(Map.of("roles", "Aura.Admin"))).containsExactly(Role.ADMIN);
        assertThat(mapping.rolesOf(Map.of("groups", List.of("ADMIN")))).isEmpty();
    }

    @Test
    void default_roles_are_held_by_everyone_signing_in() {
        var mapping = RoleMapping.parse(CLAIMS, null, List.of("REQUESTER"));

        assertThat(mapping.rolesOf(Map.of())).isEqualTo(Set.of(Role.REQUESTER));
    }

    @Test
    void a_mapping_to_no_role_or_of_no_shape_stops_the_start_naming_the_entry() {
        assertThatThrownBy(() -> RoleMapping.parse(CLAIMS, "Aura.Admin=ROOT", List.of()))
                .hasMessageContaining("'ROOT' is no role");
        assertThatThrownBy(() -> RoleMapping.parse(CLAIMS, "Aura.Admin", List.of()))
                .hasMessageContaining("'Aura.Admin' is not of the shape");
    }

    @Test
    void a_user_name_is_the_claim_s_part_before_the_domain_in_lower_case() {
        assertThat(SingleSignOnAccounts.username("Alice.Smith@Contoso.com")).contains("alice.smith");
        assertThat(SingleSignOnAccounts.username("bob")).contains("bob");
        assertThat(SingleSignOnAccounts.username("not a name@contoso.com")).isEmpty();
        assertThat(SingleSignOnAccounts.username(42)).isEmpty();
    }

    @Test
    void single_sign_on_is_off_unless_an_issuer_is_configured() {
        new ApplicationContextRunner().withUserConfiguration(SingleSignOnConfiguration.class)
                .withPropertyValues("aura.sso.issuer-uri=")
                .run(context -> assertThat(context).doesNotHaveBean(SingleSignOnConfiguration.ProviderTokens.class)
                        .doesNotHaveBean(SingleSignOnAccounts.class));
    }
}
