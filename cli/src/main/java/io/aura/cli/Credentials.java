package io.aura.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tokens of the servers signed in to, in {@code $XDG_CONFIG_HOME/aura/credentials.json} (else
 * {@code ~/.config/aura/}): readable by its owner only (600, its folder 700), as a bearer token is a password for
 * as long as it lasts. {@code {"lastServer": url, "servers": {url: {username, token, expiresAt}}}}.
 */
public final class Credentials {
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

    private final Path file;

    Credentials(Path file) {
        this.file = file;
    }

    /** Where the user's config folder is, by the XDG convention. */
    public static Credentials of(Terminal terminal) {
        String xdg = terminal.variable("XDG_CONFIG_HOME");
        String home = terminal.variable("HOME");
        Path config = xdg != null ? Path.of(xdg)
                : Path.of(home != null ? home : System.getProperty("user.home"), ".config");
        return new Credentials(config.resolve("aura").resolve("credentials.json"));
    }

    public Path file() {
        return file;
    }

    public record Login(String server, String username, String token, Instant expiresAt) {}

    public Optional<Login> forServer(String server) {
        JsonNode entry = read().path("servers").path(server);
        if (!entry.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new Login(server, Cells.text(entry.path("username")), Cells.text(entry.path("token")),
                Instant.parse(Cells.text(entry.path("expiresAt")))));
    }

    /** The server signed in to last: the default when neither --server nor AURA_SERVER names one. */
    public Optional<String> lastServer() {
        JsonNode last = read().path("lastServer");
        return last.isString() ? Optional.of(last.asString()) : Optional.empty();
    }

    public void save(Login login) {
        ObjectNode all = read() instanceof ObjectNode o ? o : ServerApi.JSON.createObjectNode();
        ObjectNode servers = all.path("servers") instanceof ObjectNode s ? s : all.putObject("servers");
        servers.putObject(login.server()).put("username", login.username()).put("token", login.token())
                .put("expiresAt", login.expiresAt().toString());
        all.put("lastServer", login.server());
        write(all);
    }

    private JsonNode read() {
        if (!Files.exists(file)) {
            return ServerApi.JSON.createObjectNode();
        }
        try {
            return ServerApi.JSON.readTree(Files.readString(file));
        } catch (IOException | JacksonException e) {
            throw new CliFailure(ExitCode.AUTHENTICATION, "cannot read " + file + " (" + e.getMessage()
                    + "); delete it and sign in again");
        }
    }

    /** Written beside and moved over the old file, so that it never exists, not even briefly, readable by others. */
    private void write(JsonNode all) {
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            Path folder = file.getParent();
            if (!Files.isDirectory(folder)) {
                if (posix) {
                    Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
                } else {
                    Files.createDirectories(folder);
                }
            }
            Path temporary = posix
                    ? Files.createTempFile(folder, "credentials", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.createTempFile(folder, "credentials", ".tmp");
            Files.writeString(temporary, ServerApi.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all));
            // the new file replaces the old one, and with it any wider rights the old one had been given
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CliFailure(ExitCode.AUTHENTICATION, "cannot keep the token in " + file + ": " + e.getMessage());
        }
    }
}
