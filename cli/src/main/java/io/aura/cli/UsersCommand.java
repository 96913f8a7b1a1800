package io.aura.cli;

import io.aura.cli.Output.Printable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "users", mixinStandardHelpOptions = true,
        synopsisSubcommandLabel = "(list | create | grant | revoke | disable | erase)",
        description = "Accounts and their roles (ADMIN). Every change is recorded with who made it.")
final class UsersCommand {
    enum Role { REQUESTER, APPROVER, ADMIN, AUDITOR }

    private static final String[] SUMMARY = {"username", "roles"};

    @ParentCommand
    AuraCli cli;

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every user, disabled ones too.")
    int list() {
        ServerApi api = cli.api();
        return cli.print(Printable.list(api.expectOk(api.get("/api/users")), "username", "roles", "displayName",
                "email", "disabled"));
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a user.",
            footerHeading = "%nExample:%n",
            footer = {"  printf '%%s\\n' \"$NEW_PASSWORD\" | aura cli users create alice \\",
                "      --role REQUESTER --email alice@example.org --password-stdin"})
    int create(@Parameters(paramLabel = "USERNAME", description = "The new user's name.") String username,
               @Option(names = "--role", required = true, paramLabel = "ROLE",
                       description = "REQUESTER, APPROVER, ADMIN or AUDITOR (repeat for several).") List<Role> roles,
               @Option(names = "--display-name", paramLabel = "NAME", description = "As others see it.") String name,
               @Option(names = "--email", paramLabel = "ADDRESS", description = "Where notifications go.") String email,
               @Option(names = {"-p", "--password"}, paramLabel = "PASSWORD", description = "The new user's password (prefer the prompt or "
                       + "--password-stdin).") String password,
               @Option(names = "--password-stdin", description = "Read it from the first line of standard input.")
               boolean passwordFromStdin) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("password", Passwords.read(cli.terminal, passwordFromStdin, password, null,
                "Password for " + username + ": "));
        body.put("roles", roles.stream().map(Role::name).toList());
        ResourcesCommand.putIfSet(body, "displayName", name);
        ResourcesCommand.putIfSet(body, "email", email);
        ServerApi api = cli.api();
        return cli.print(Printable.one(api.expectOk(api.post("/api/users", body)), SUMMARY));
    }

    @Command(name = "grant", mixinStandardHelpOptions = true, description = "Give a user roles.")
    int grant(@Parameters(index = "0", paramLabel = "USERNAME", description = "Whose roles.") String username,
              @Parameters(index = "1..*", arity = "1..*", paramLabel = "ROLE",
                      description = "REQUESTER, APPROVER, ADMIN or AUDITOR.") List<Role> roles) {
        ServerApi api = cli.api();
        var answer = api.post("/api/users/" + ServerApi.segment(username) + "/roles",
                Map.of("roles", roles.stream().map(Role::name).toList()));
        return cli.print(Printable.one(api.expectOk(answer), SUMMARY));
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Take a role away; it stops working at the user's next request.")
    int revoke(@Parameters(index = "0", paramLabel = "USERNAME", description = "Whose roles.") String username,
               @Parameters(index = "1", paramLabel = "ROLE", description = "REQUESTER, APPROVER, ADMIN or AUDITOR.")
               Role role) {
        ServerApi api = cli.api();
        var answer = api.delete("/api/users/" + ServerApi.segment(username) + "/roles/" + role.name());
        return cli.print(Printable.one(api.expectOk(answer), SUMMARY));
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable a user: their tokens and sessions stop working at once, on every node.")
    int disable(@Parameters(paramLabel = "USERNAME", description = "Who.") String username) {
        ServerApi api = cli.api();
        var answer = api.post("/api/users/" + ServerApi.segment(username) + "/disable", null);
        return cli.print(Printable.one(api.expectOk(answer), "username", "roles", "disabled"));
    }

    @Command(name = "erase", mixinStandardHelpOptions = true,
            description = {"Erase a user's personal data: their display name, e-mail and the titles, descriptions and "
                    + "comments they wrote become unreadable everywhere, the event store and its backups included; "
                    + "the account is disabled; the audit still verifies. Cannot be undone.",
                "Asks to confirm unless --yes is given."})
    int erase(@Parameters(paramLabel = "USERNAME", description = "Whose.") String username,
              @Option(names = "--yes", description = "Do not ask; for scripts.") boolean yes) {
        if (!yes && !cli.terminal.confirm("Erase " + username + "'s personal data for good? [y/N] ")) {
            cli.terminal.err().println("aura: nothing erased");
            return ExitCode.REFUSED;
        }
        ServerApi api = cli.api();
        api.expectOk(api.post("/api/users/" + ServerApi.segment(username) + "/erase", null));
        return cli.print(Printable.one(ServerApi.JSON.createObjectNode().put("username", username)
                .put("erased", true), "username", "erased"));
    }
}
