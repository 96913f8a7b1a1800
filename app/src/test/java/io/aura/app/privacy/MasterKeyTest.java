package io.aura.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stored secrets are sealed with the master key from the environment, or one generated into the data directory. */
class MasterKeyTest {
    @TempDir
    Path dir;

    @Test
    void a_secret_is_stored_sealed_and_opens_only_for_the_purpose_it_was_sealed_for() {
        MasterKey key = MasterKey.load(Base64.getEncoder().encodeToString(new byte[32]), dir);

        String stored = key.sealText("whsec-1234", "webhook:w-1");

        assertThat(stored).startsWith(MasterKey.SEALED_PREFIX).doesNotContain("whsec-1234");
        assertThat(key.openText(stored, "webhook:w-1")).isEqualTo("whsec-1234");
        assertThatThrownBy(() -> key.openText(stored, "webhook:w-2")).hasMessageContaining("AURA_MASTER_KEY");
        assertThat(key.openText("stored-before-sealing", "webhook:w-1")).isEqualTo("stored-before-sealing");
    }

    @Test
    void without_one_in_the_environment_it_is_generated_once_owner_only_and_reused() throws Exception {
        MasterKey first = MasterKey.load("", dir);
        String stored = first.sealText("s", "p");

        assertThat(MasterKey.load(null, dir).openText(stored, "p")).isEqualTo("s");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys/master.key"))))
                .isEqualTo("rw-------");
    }

    @Test
    void a_key_of_the_wrong_length_is_refused_with_what_to_set() {
        assertThatThrownBy(() -> MasterKey.load(Base64.getEncoder().encodeToString(new byte[16]), dir))
                .hasMessageContaining("AURA_MASTER_KEY").hasMessageContaining("32");
        assertThatThrownBy(() -> MasterKey.load("not base64!", dir)).hasMessageContaining("AURA_MASTER_KEY");
    }

    @Test
    void a_profile_of_several_nodes_refuses_to_start_without_a_master_key_and_says_what_to_set() {
        for (String profile : java.util.List.of("postgres", "production")) {
            assertThatThrownBy(() -> MasterKey.load("", java.util.List.of(profile), dir))
                    .hasMessageContaining("'" + profile + "' profile").hasMessageContaining("AURA_MASTER_KEY")
                    .hasMessageContaining("openssl rand -base64 32");
        }
        assertThat(dir.resolve("keys/master.key")).doesNotExist();
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(MasterKey.load(key, java.util.List.of("postgres"), dir).openText(
                MasterKey.load(key, dir).sealText("s", "p"), "p")).isEqualTo("s");
    }
}
