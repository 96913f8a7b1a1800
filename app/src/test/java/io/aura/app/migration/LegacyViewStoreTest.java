package io.aura.app.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view store of the release before views moved into SQL reads without the old MongoDB server. */
class LegacyViewStoreTest {
    @TempDir
    Path dataDir;

    @Test
    void the_previous_releases_password_hashes_and_idempotency_keys_are_read_from_its_view_store() throws IOException {
        unzipLegacyDataDir(dataDir);

        try (LegacyViewStore legacy = LegacyViewStore.open(dataDir).orElseThrow()) {
            assertThat(legacy.documents("credentials")).extracting(d -> d.getString("_id"))
                    .containsExactlyInAnyOrder("admin", "alice", "bob");
            assertThat(legacy.documents("credentials")).allSatisfy(d ->
                    assertThat(d.getString("passwordHash")).startsWith("{bcrypt}"));
            assertThat(legacy.documents("idempotency")).hasSize(1);
            assertThat(legacy.documents("never_existed")).isEmpty();
        }
    }

    /** A data directory written by release c3f0f4d (events, tokens and sagas in axon.db; views in views.mv). */
    static void unzipLegacyDataDir(Path target) throws IOException {
        try (InputStream in = LegacyViewStoreTest.class.getResourceAsStream("/legacy/legacy-data-c3f0f4d.zip");
             ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Files.copy(zip, target.resolve(entry.getName()));
            }
        }
    }
}
