package io.aura.app.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * What the architecture rules judge: the classes that ship. ArchUnit's {@link ImportOption.DoNotIncludeTests}
 * knows test class folders, not the test jars other modules share with this one's tests (query's PostgreSQL test
 * server, graph's Graph-like server), which a full build puts on the class path as {@code *-tests.jar}.
 */
final class ShippedClassesOnly implements ImportOption {
    private static final ImportOption NO_TEST_FOLDERS = new DoNotIncludeTests();

    @Override
    public boolean includes(Location location) {
        return NO_TEST_FOLDERS.includes(location) && !location.contains("-tests.jar");
    }
}
