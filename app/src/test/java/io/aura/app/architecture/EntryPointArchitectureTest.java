package io.aura.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.aura.kernel.booking.BookingCommands.RequestBooking;
import io.aura.kernel.resource.ResourceCommands.ChangeResource;
import io.aura.kernel.resource.ResourceCommands.ClaimResourceName;
import io.aura.kernel.resource.ResourceCommands.RegisterResource;

/**
 * The boundaries issue 22 drew: one place for the rules of a booking request, one way for the entry
 * points to reach the command and query sides, and a web UI split by feature around a small shell.
 */
@AnalyzeClasses(packages = "io.aura", importOptions = ShippedClassesOnly.class)
class EntryPointArchitectureTest {

    private static final DescribedPredicate<JavaConstructorCall> A_NEW_BOOKING_REQUEST =
            DescribedPredicate.describe("new RequestBooking(...)",
                    call -> call.getTargetOwner().isEquivalentTo(RequestBooking.class));

    /** Every entry point goes through BookingRequestRules.prepare, so no rule about a request can be skipped. */
    @ArchTest
    static final ArchRule only_the_kernels_request_rules_make_a_booking_request = noClasses()
            .that().resideOutsideOfPackage("io.aura.kernel..")
            .should().callConstructorWhere(A_NEW_BOOKING_REQUEST);

    private static final DescribedPredicate<JavaConstructorCall> A_RESOURCE_SAVE =
            DescribedPredicate.describe("new RegisterResource/ChangeResource/ClaimResourceName(...)",
                    call -> call.getTargetOwner().isEquivalentTo(RegisterResource.class)
                            || call.getTargetOwner().isEquivalentTo(ChangeResource.class)
                            || call.getTargetOwner().isEquivalentTo(ClaimResourceName.class));

    /** A resource is saved only through the gateway's ResourceAdministration, which claims its name (ADR 0028). */
    @ArchTest
    static final ArchRule only_the_gateway_registers_or_changes_a_resource = noClasses()
            .that().resideOutsideOfPackages("io.aura.kernel..", "io.aura.gateway..")
            .should().callConstructorWhere(A_RESOURCE_SAVE);

    /** What the API, the UI and a command line share knows the kernel and the buses, nothing behind them. */
    @ArchTest
    static final ArchRule the_gateway_knows_no_side_behind_the_buses = noClasses()
            .that().resideInAPackage("io.aura.gateway..")
            .should().dependOnClassesThat().resideInAnyPackage("io.aura.command..", "io.aura.query..",
                    "io.aura.saga..", "io.aura.ui..", "io.aura.app..", "com.vaadin..");

    /** Booking is the UI's core feature: approvals and administration build on it, never the reverse. */
    @ArchTest
    static final ArchRule the_booking_screens_know_no_other_feature = noClasses()
            .that().resideInAPackage("io.aura.ui.booking..")
            .should().dependOnClassesThat().resideInAnyPackage("io.aura.ui.approval..", "io.aura.ui.admin..",
                    "io.aura.ui.audit..");

    @ArchTest
    static final ArchRule the_audit_screen_knows_no_other_feature = noClasses()
            .that().resideInAPackage("io.aura.ui.audit..")
            .should().dependOnClassesThat().resideInAnyPackage("io.aura.ui.booking..", "io.aura.ui.approval..",
                    "io.aura.ui.admin..");

    @ArchTest
    static final ArchRule nothing_but_administration_knows_the_administration_screens = noClasses()
            .that().resideInAnyPackage("io.aura.ui.booking..", "io.aura.ui.approval..", "io.aura.ui.audit..")
            .should().dependOnClassesThat().resideInAPackage("io.aura.ui.admin..");

    /** The shell (sign-in, who is signed in, time zones, live bursts) serves every feature; only its menu names them. */
    @ArchTest
    static final ArchRule the_ui_shell_knows_the_features_only_in_its_menu = noClasses()
            .that().resideInAPackage("io.aura.ui").and().doNotHaveSimpleName("MainLayout")
            .should().dependOnClassesThat().resideInAnyPackage("io.aura.ui.booking..", "io.aura.ui.approval..",
                    "io.aura.ui.admin..", "io.aura.ui.audit..");
}
