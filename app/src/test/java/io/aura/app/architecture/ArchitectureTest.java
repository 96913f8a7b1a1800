package io.aura.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.inject.Inject;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;

/** The module map of docs/architecture.md, kept true by the build. */
@AnalyzeClasses(packages = "io.aura", importOptions = ShippedClassesOnly.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule shared_kernel_is_free_of_frameworks_and_of_every_other_module = noClasses()
            .that().resideInAPackage("io.aura.kernel..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.axonframework..", "io.aura.command..", "io.aura.query..",
                    "io.aura.saga..", "io.aura.ui..", "io.aura.app..", "io.aura.graph..", "io.aura.ml..", "com.vaadin..",
                    "jakarta.persistence..", "com.microsoft..", "org.deeplearning4j..", "org.nd4j..");

    @ArchTest
    static final ArchRule command_side_knows_no_other_module_and_no_spring = noClasses()
            .that().resideInAPackage("io.aura.command..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.aura.query..", "io.aura.saga..", "io.aura.ui..", "io.aura.app..", "org.springframework..");

    @ArchTest
    static final ArchRule saga_knows_no_other_module_and_no_spring = noClasses()
            .that().resideInAPackage("io.aura.saga..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.aura.command..", "io.aura.query..", "io.aura.ui..", "io.aura.app..", "org.springframework..")
            .allowEmptyShould(true); // the booking saga arrives with issue 3; the rule is in place before it

    @ArchTest
    static final ArchRule query_side_knows_no_other_module = noClasses()
            .that().resideInAPackage("io.aura.query..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.aura.command..", "io.aura.saga..", "io.aura.ui..", "io.aura.app..");

    @ArchTest
    static final ArchRule ui_talks_only_through_gateways = noClasses()
            .that().resideInAPackage("io.aura.ui..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.aura.command..", "io.aura.query..", "io.aura.saga..", "io.aura.app..",
                    "org.springframework.data..", "com.mongodb..");

    /** Graph is a side effect at the edge: only the application wires it; nothing else knows the SDK. */
    @ArchTest
    static final ArchRule only_the_graph_module_and_the_application_know_microsoft_graph = noClasses()
            .that().resideInAnyPackage("io.aura.kernel..", "io.aura.command..", "io.aura.saga..", "io.aura.query..",
                    "io.aura.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("io.aura.graph..", "com.microsoft.graph..",
                    "com.microsoft.kiota..");

    @ArchTest
    static final ArchRule the_graph_module_knows_only_the_kernel = noClasses()
            .that().resideInAPackage("io.aura.graph..")
            .should().dependOnClassesThat().resideInAnyPackage("io.aura.command..", "io.aura.saga..",
                    "io.aura.query..", "io.aura.ui..", "io.aura.app..", "org.springframework..", "org.axonframework..");

    @ArchTest
    static final ArchRule only_the_ml_module_knows_deeplearning4j = noClasses()
            .that().resideInAnyPackage("io.aura.kernel..", "io.aura.command..", "io.aura.saga..", "io.aura.query..",
                    "io.aura.ui..", "io.aura.graph..", "io.aura.app..")
            .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..");

    @ArchTest
    static final ArchRule the_command_side_never_reads_projections = noClasses()
            .that().resideInAnyPackage("io.aura.command..", "io.aura.saga..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data..", "com.mongodb..");

    /**
     * A saga never queries a view (ADR 0034): its unit of work holds the embedded store's one writing connection
     * from its first read of the saga store, and a view query waits for a reading connection that batches
     * waiting for that writer hold; under load every processor stalled. What a saga decides travels in its
     * events, and all it may be given is a way to send commands, deadlines and the time (no port of its own
     * that the application would answer from a view).
     */
    @ArchTest
    static final ArchRule a_saga_never_queries_a_view = noClasses()
            .that().resideInAPackage("io.aura.saga..")
            .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.queryhandling..");

    @ArchTest
    static final ArchRule a_saga_is_given_only_commands_deadlines_and_the_clock = fields()
            .that().areDeclaredInClassesThat().resideInAPackage("io.aura.saga..")
            .and().areAnnotatedWith(Inject.class)
            .should().haveRawType(DescribedPredicate.describe("CommandGateway, DeadlineManager or Clock",
                    (JavaClass type) -> type.isEquivalentTo(CommandGateway.class)
                            || type.isEquivalentTo(DeadlineManager.class) || type.isEquivalentTo(Clock.class)));

    /** The MongoDB wire server is a test double for the MongoDB adapters, never part of the product (ADR 0021). */
    @ArchTest
    static final ArchRule nothing_shipped_runs_on_the_in_process_mongodb_server = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("de.bwaldvogel..");

    /** The command line is a client of the HTTP API (ADR 0041): it knows no module of the server and no framework. */
    @ArchTest
    static final ArchRule the_command_line_is_a_client_of_the_http_api_only = noClasses()
            .that().resideInAPackage("io.aura.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("io.aura.kernel..", "io.aura.command..",
                    "io.aura.saga..", "io.aura.query..", "io.aura.gateway..", "io.aura.ui..", "io.aura.app..",
                    "io.aura.graph..", "io.aura.ml..", "org.springframework..", "org.axonframework..", "com.vaadin..");

    /** A projection's logic is its fold and its store's port: SQL and MongoDB stay in the adapters. */
    @ArchTest
    static final ArchRule projections_and_folds_know_no_storage = noClasses()
            .that().resideInAPackage("io.aura.query..").and().haveSimpleNameEndingWith("Projection")
            .or().haveSimpleNameEndingWith("Fold")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data..", "com.mongodb..",
                    "org.springframework.jdbc..", "java.sql..", "org.bson..");
}
