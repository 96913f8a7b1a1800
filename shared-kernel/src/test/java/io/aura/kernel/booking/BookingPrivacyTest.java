package io.aura.kernel.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.approval.ApprovalLevel;
import io.aura.kernel.identity.Role;
import io.aura.kernel.resource.ResourceSpec;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who sees a private booking as what it is (ADR 0040): the one rule every read edge asks. */
class BookingPrivacyTest {
    static final ResourceSpec APPROVED_BY_ANN = new ResourceSpec("Board room", 10, "Europe/Berlin", true,
            List.of("ann"), 0, 15, 120, 30);
    static final ResourceSpec LEVEL_FOR_FACILITIES = new ResourceSpec("Hall", 100, "Europe/Berlin", true, List.of(),
            0, 15, 120, 30, List.of(new ApprovalLevel("facilities", List.of("fred"), "AUDITOR", 0, 0, List.of(),
                    List.of())), null);
    static final ResourceSpec OPEN = new ResourceSpec("Desk", 1, "Europe/Berlin", false, List.of(), 0, 15, 120, 30);

    static boolean shows(ResourceSpec resource, String viewer, Role... roles) {
        return BookingPrivacy.showsDetails(true, "olga", resource, viewer, Set.of(roles));
    }

    @Test
    void a_booking_that_is_not_private_shows_to_everyone() {
        assertThat(BookingPrivacy.showsDetails(false, "olga", OPEN, "piet", Set.of(Role.REQUESTER))).isTrue();
    }

    @Test
    void a_private_booking_shows_to_its_requester_admin_and_auditor_and_as_busy_to_another_requester() {
        assertThat(shows(OPEN, "olga", Role.REQUESTER)).isTrue();
        assertThat(shows(OPEN, "root", Role.ADMIN)).isTrue();
        assertThat(shows(OPEN, "audra", Role.AUDITOR)).isTrue();
        assertThat(shows(OPEN, "piet", Role.REQUESTER)).isFalse();
        assertThat(shows(null, "piet", Role.REQUESTER)).isFalse();
    }

    @Test
    void it_shows_to_the_approvers_of_its_resource_and_to_no_other_approver() {
        assertThat(shows(APPROVED_BY_ANN, "ann", Role.APPROVER)).isTrue();
        assertThat(shows(APPROVED_BY_ANN, "bob", Role.APPROVER)).isFalse();
        assertThat(shows(OPEN, "ann", Role.APPROVER)).isFalse();
        assertThat(shows(LEVEL_FOR_FACILITIES, "fred", Role.REQUESTER)).isTrue();
        assertThat(shows(LEVEL_FOR_FACILITIES, "bob", Role.APPROVER)).isFalse();
    }

    @Test
    void a_bare_approval_required_is_decided_by_every_approver_so_every_approver_sees_it() {
        ResourceSpec anyApprover = new ResourceSpec("Lab", 4, "Europe/Berlin", true, List.of(), 0, 15, 120, 30);

        assertThat(shows(anyApprover, "bob", Role.APPROVER)).isTrue();
        assertThat(shows(anyApprover, "piet", Role.REQUESTER)).isFalse();
    }
}
