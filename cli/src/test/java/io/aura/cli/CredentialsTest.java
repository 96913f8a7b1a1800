package io.aura.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {
    @TempDir
    Path home;

    static Terminal terminal(Map<String, String> env) {
        return new Terminal(env, new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), Clock.systemUTC());
    }

    @Test
    void the_token_file_is_readable_and_writable_by_its_owner_only_and_its_folder_too() throws Exception {
        Credentials credentials = Credentials.of(terminal(Map.of("XDG_CONFIG_HOME", home.toString())));

        credentials.save(new Credentials.Login("http://aura.test", "admin", "secret-token", Instant.parse(
                "2026-12-07T10:00:00Z")));

        assertThat(credentials.file()).isEqualTo(home.resolve("aura/credentials.json"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials.file())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials.file().getParent())))
                .isEqualTo("rwx------");
        assertThat(Files.list(credentials.file().getParent())).containsExactly(credentials.file()); // no leftovers
    }

    @Test
    void a_file_left_readable_by_others_is_narrowed_to_its_owner_when_written_again() throws Exception {
        Credentials credentials = Credentials.of(terminal(Map.of("XDG_CONFIG_HOME", home.toString())));
        credentials.save(new Credentials.Login("http://aura.test", "admin", "t1", Instant.EPOCH));
        Files.setPosixFilePermissions(credentials.file(), PosixFilePermissions.fromString("rw-r--r--"));

        credentials.save(new Credentials.Login("http://aura.test", "admin", "t2", Instant.EPOCH));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials.file())))
                .isEqualTo("rw-------");
    }

    @Test
    void without_xdg_config_home_it_is_in_dot_config_under_home() {
        assertThat(Credentials.of(terminal(Map.of("HOME", home.toString()))).file())
                .isEqualTo(home.resolve(".config/aura/credentials.json"));
    }

    @Test
    void each_server_keeps_its_own_token_and_the_last_signed_in_to_is_the_default() {
        Credentials credentials = Credentials.of(terminal(Map.of("XDG_CONFIG_HOME", home.toString())));
        Instant until = Instant.parse("2026-12-07T10:00:00Z");

        credentials.save(new Credentials.Login("http://one.test", "admin", "token-1", until));
        credentials.save(new Credentials.Login("http://two.test", "auditor", "token-2", until));

        assertThat(credentials.forServer("http://one.test")).hasValue(
                new Credentials.Login("http://one.test", "admin", "token-1", until));
        assertThat(credentials.forServer("http://two.test").orElseThrow().token()).isEqualTo("token-2");
        assertThat(credentials.forServer("http://three.test")).isEmpty();
        assertThat(credentials.lastServer()).hasValue("http://two.test");
    }
}
