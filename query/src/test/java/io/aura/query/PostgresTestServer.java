package io.aura.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server for tests: Debian's {@code postgresql} binaries ({@code .ci/run} installs the package when
 * it is missing), a cluster made with {@code initdb} in a temporary directory, on a free loopback port, started once
 * per test JVM and stopped with it. Each caller gets a database of its own. No container, no download.
 */
public final class PostgresTestServer {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresTestServer running;

    private final Path dir;
    private final Path bin;
    private final int port;
    private final List<String> asUser;

    private PostgresTestServer(Path bin) throws IOException, InterruptedException {
        this.bin = bin;
        this.dir = Files.createTempDirectory("aura-pg-test");
        this.port = freePort();
        // PostgreSQL refuses to run as root: then run it as the package's own user
        this.asUser = "root".equals(System.getProperty("user.name")) ? List.of("runuser", "-u", "postgres", "--") : List.of();
        if (!asUser.isEmpty()) {
            run(List.of("chown", "postgres", dir.toString()));
        }
        run(command("initdb", "-D", dir.resolve("data").toString(), "-U", "aura", "-A", "trust", "-E", "UTF8",
                "--no-locale"));
        run(command("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("server.log").toString(), "-w",
                "-t", "60", "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories="
                        + dir + " -c max_connections=200 -c fsync=off -c synchronous_commit=off", "start"));
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
    }

    /** The server of this JVM, started at the first call. */
    public static synchronized PostgresTestServer get() {
        if (running == null) {
            Path bin = binaries();
            try {
                running = new PostgresTestServer(bin);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return running;
    }

    /** A new, empty database on the server. */
    public PGSimpleDataSource newDatabase() {
        String name = "aura_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), "aura", "");
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        PGSimpleDataSource data = new PGSimpleDataSource();
        data.setUrl(url(name));
        data.setUser("aura");
        return data;
    }

    /** A JDBC URL for {@code database} on this server (user {@code aura}, no password). */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /** Empties a database made by {@link #newDatabase()}: every table of the public schema goes. */
    public static void reset(PGSimpleDataSource database) {
        try (Connection c = database.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA public CASCADE");
            st.execute("CREATE SCHEMA public");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void stop() {
        try {
            run(command("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop"));
        } catch (IOException | InterruptedException | RuntimeException ignored) {
            // the JVM is ending; the directory is removed below either way
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }

    private List<String> command(String program, String... args) {
        List<String> command = new ArrayList<>(asUser);
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        return command;
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("aura-pg-cmd", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            String server = Files.exists(dir.resolve("server.log")) ? Files.readString(dir.resolve("server.log")) : "";
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(log) + server);
        }
        Files.deleteIfExists(log);
    }

    /** The newest {@code /usr/lib/postgresql/<version>/bin}; a clear failure when the package is missing. */
    private static Path binaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString()
                            .replaceAll("\\D.*", ""))))
                    .orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL is not installed: these tests run a real server from "
                    + "Debian's package (apt-get install postgresql; .ci/run installs it when missing)", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
