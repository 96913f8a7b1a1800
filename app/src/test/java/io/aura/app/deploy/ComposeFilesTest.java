package io.aura.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compose files as a real compose parser reads them: Debian's {@code docker-compose config -q} (needs no
 * engine) resolves every variable, anchor and reference, and refuses an unknown key or a malformed value. The
 * binary is never optional: when it is missing the test fails and says how to install it ({@code ./aura test}
 * and {@code .ci/run} install it), so CI cannot skip the check by accident.
 */
class ComposeFilesTest {
    /** Placeholders for what the files require from the environment; the parser only checks they are set. */
    private static final Map<String, String> REQUIRED = Map.of("AURA_ADMIN_PASSWORD", "admin-password",
            "AURA_MASTER_KEY", "bWFzdGVy", "AURA_JWT_PRIVATE_KEY", "cHJpdmF0ZQ==", "AURA_JWT_PUBLIC_KEY", "cHVibGlj",
            "MONGO_ROOT_PASSWORD", "root-password", "MONGO_APP_PASSWORD", "app-password", "MONGO_REPLICA_SET_KEY",
            "a-replica-set-key", "POSTGRES_PASSWORD", "postgres-password");

    @TempDir
    Path scratch;

    record Parsed(int exitCode, String output) {}

    @Test
    void the_axon_server_and_mongodb_compose_file_parses() throws Exception {
        Parsed parsed = config(repository().resolve("docker-compose.yml"), REQUIRED, "-q");
        assertThat(parsed.exitCode()).as(parsed.output()).isZero();
    }

    @Test
    void the_postgresql_compose_file_parses() throws Exception {
        Parsed parsed = config(repository().resolve("docker-compose.postgres.yml"), REQUIRED, "-q");
        assertThat(parsed.exitCode()).as(parsed.output()).isZero();
    }

    @Test
    void mongodb_runs_as_a_replica_set_with_authentication_and_the_application_signs_in_to_it() throws Exception {
        Parsed resolved = config(repository().resolve("docker-compose.yml"), REQUIRED);
        assertThat(resolved.exitCode()).as(resolved.output()).isZero();
        assertThat(resolved.output()).contains("--replSet rs0 --keyFile", "MONGO_INITDB_ROOT_PASSWORD: root-password",
                "mongodb://aura:app-password@mongo:27017/aura?replicaSet=rs0&authSource=aura",
                "create-app-user.js");
    }

    @Test
    void the_postgresql_file_runs_two_nodes_with_the_same_keys_behind_nginx() throws Exception {
        Parsed resolved = config(repository().resolve("docker-compose.postgres.yml"), REQUIRED);
        assertThat(resolved.exitCode()).as(resolved.output()).isZero();
        assertThat(resolved.output()).contains("app-1:", "app-2:", "nginx:", "SPRING_PROFILES_ACTIVE: postgres");
        assertThat(resolved.output().split("AURA_JWT_PRIVATE_KEY: cHJpdmF0ZQ==", -1)).hasSize(3);
        assertThat(Files.readString(repository().resolve("deploy/nginx/aura.conf")))
                .contains("server app-1:8080", "server app-2:8080");
    }

    @Test
    void a_missing_secret_stops_the_file_naming_what_to_set() throws Exception {
        Map<String, String> withoutKey = new HashMap<>(REQUIRED);
        withoutKey.remove("MONGO_REPLICA_SET_KEY");
        Parsed parsed = config(repository().resolve("docker-compose.yml"), withoutKey, "-q");
        assertThat(parsed.exitCode()).isNotZero();
        assertThat(parsed.output()).contains("MONGO_REPLICA_SET_KEY");
    }

    @Test
    void the_parser_refuses_a_malformed_file_so_a_pass_means_something() throws Exception {
        Path broken = scratch.resolve("docker-compose.yml");
        Files.writeString(broken, "services:\n  app:\n    image: nginx\n    ports: 8080\n    restart: sometimes\n");
        assertThat(config(broken, REQUIRED, "-q").exitCode()).isNotZero();
    }

    private static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docker-compose.postgres.yml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            fail("no docker-compose.postgres.yml above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** {@code docker-compose -f file config [args]} in a clean environment holding only {@code variables}. */
    private static Parsed config(Path file, Map<String, String> variables, String... args) throws Exception {
        String binary = binary();
        List<String> command = new ArrayList<>(List.of(binary, "--project-directory", file.getParent().toString(),
                "-f", file.toString(), "config"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        String path = env.get("PATH");
        env.clear();
        env.put("PATH", path);
        env.putAll(variables);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("docker-compose config did not finish within 60 s");
        }
        return new Parsed(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static String binary() throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir, "docker-compose");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail("docker-compose is not installed, so the compose files cannot be checked: install Debian's "
                + "package (`sudo apt-get install -y docker-compose`; `./aura test` and .ci/run do it when missing)");
    }
}
