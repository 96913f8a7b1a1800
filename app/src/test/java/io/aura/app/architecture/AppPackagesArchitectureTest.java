package io.aura.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** The app module's packages (docs/architecture.md, ADR 0023): the HTTP API is the outer ring. */
@AnalyzeClasses(packages = "io.aura", importOptions = ShippedClassesOnly.class)
class AppPackagesArchitectureTest {

    /** Controllers change with the contract; nothing else may change with them. */
    @ArchTest
    static final ArchRule nothing_but_the_api_knows_the_api = noClasses()
            .that().resideOutsideOfPackage("io.aura.app.api..")
            .should().dependOnClassesThat().resideInAPackage("io.aura.app.api..");

    /** A new endpoint has one place, the API by resource; security publishes only its own keys (JWKS) beside it. */
    @ArchTest
    static final ArchRule endpoints_live_in_the_api = classes()
            .that().areMetaAnnotatedWith(Controller.class).or().areMetaAnnotatedWith(ControllerAdvice.class)
            .should().resideInAPackage("io.aura.app.api..")
            .orShould().haveFullyQualifiedName("io.aura.app.security.JwksController");

    /** Each resource of the API changes on its own; what they share sits at the API's root (problems, time input). */
    @ArchTest
    static final ArchRule the_api_s_resources_know_each_other_only_through_its_root = slices()
            .matching("io.aura.app.api.(*)..").should().notDependOnEachOther();

    /** The app's packages are layers, not a knot: each is read and changed knowing only those it uses. */
    @ArchTest
    static final ArchRule the_app_s_packages_depend_on_each_other_without_cycles = slices()
            .matching("io.aura.app.(*)..").should().beFreeOfCycles();

    /** The API reads and writes through commands, queries and ports, never through a storage adapter. */
    @ArchTest
    static final ArchRule the_api_knows_no_storage_adapter = noClasses()
            .that().resideInAPackage("io.aura.app.api..")
            .should().dependOnClassesThat().resideInAPackage("io.aura.app.storage..")
            .orShould().dependOnClassesThat().haveSimpleNameStartingWith("Sql")
            .orShould().dependOnClassesThat().haveSimpleNameStartingWith("Mongo")
            .orShould().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..",
                    "org.springframework.data.mongodb..", "java.sql..");

    /** Who may do what is decided in security; it serves the rest and depends on none of it but its stores. */
    @ArchTest
    static final ArchRule security_knows_no_notification_audit_or_replay = noClasses()
            .that().resideInAPackage("io.aura.app.security..")
            .should().dependOnClassesThat().resideInAnyPackage("io.aura.app.notify..", "io.aura.app.audit..",
                    "io.aura.app.replay..", "io.aura.app.external..", "io.aura.app.contention..");

    /** The audit reads the event store; it sends nothing and notifies no one. */
    @ArchTest
    static final ArchRule the_audit_knows_no_notification_or_outlook = noClasses()
            .that().resideInAPackage("io.aura.app.audit..")
            .should().dependOnClassesThat().resideInAnyPackage("io.aura.app.notify..", "io.aura.app.external..",
                    "io.aura.app.contention..", "io.aura.app.identity..");

    /** Mail, webhooks and the inbox are side effects at the edge: they react to events and know no audit, Outlook or replay. */
    @ArchTest
    static final ArchRule notifications_know_no_audit_outlook_or_replay = noClasses()
            .that().resideInAPackage("io.aura.app.notify..")
            .should().dependOnClassesThat().resideInAnyPackage("io.aura.app.audit..", "io.aura.app.external..",
                    "io.aura.app.replay..", "io.aura.app.contention..");
}
