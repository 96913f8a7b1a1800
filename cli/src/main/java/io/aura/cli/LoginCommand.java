package io.aura.cli;

import io.aura.cli.Output.Printable;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Sign in and keep the token for the other commands.",
            "The token lasts as long as the server grants (15 minutes by default); it is kept in "
                    + "$XDG_CONFIG_HOME/aura/credentials.json (else ~/.config/aura/), readable by you only."},
        footerHeading = "%nExamples:%n",
        footer = {"  aura cli login --username admin        # asks for the password",
            "  printf '%%s\\n' \"$PASSWORD\" | aura cli login -u admin --password-stdin",
            "  AURA_PASSWORD=... aura cli login -u admin --server https://aura.example.org"})
final class LoginCommand implements Callable<Integer> {
    @ParentCommand
    AuraCli cli;

    @Option(names = {"-u", "--username"}, required = true, paramLabel = "NAME", description = "Your user name.")
    String username;

    @Option(names = {"-p", "--password"}, paramLabel = "PASSWORD", description = "The password (visible to others on this machine: prefer "
            + "the prompt, --password-stdin or AURA_PASSWORD).")
    String password;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordFromStdin;

    @Override
    public Integer call() {
        String server = cli.server();
        String secret = Passwords.read(cli.terminal, passwordFromStdin, password, "AURA_PASSWORD", "Password: ");
        ServerApi api = new ServerApi(server, null);
        JsonNode answer = api.expectOk(api.post("/api/auth/token", Map.of("username", username, "password", secret)));
        Instant expiresAt = cli.terminal.clock().instant().plusSeconds(answer.path("expires_in").asLong());
        Credentials credentials = cli.credentials();
        credentials.save(new Credentials.Login(server, username, answer.path("access_token").asString(), expiresAt));
        var shown = ServerApi.JSON.createObjectNode().put("server", server).put("username", username)
                .put("expiresAt", expiresAt.toString()).put("credentials", credentials.file().toString());
        return cli.print(Printable.one(shown));
    }
}
