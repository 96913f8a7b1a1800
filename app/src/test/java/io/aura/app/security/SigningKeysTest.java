package io.aura.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {
    @TempDir
    Path dataDir;

    @Test
    void a_generated_key_and_its_folder_are_the_owners_alone_and_the_same_key_is_loaded_again() throws Exception {
        SigningKeys generated = SigningKeys.load(null, null, dataDir);

        Path keys = dataDir.resolve("keys");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("jwt-es256-private.der"))))
                .isEqualTo("rw-------");
        assertThat(SigningKeys.load(null, null, dataDir).keyId()).isEqualTo(generated.keyId());
    }
}
