package io.aura.cli;

import io.aura.cli.Output.Format;
import io.aura.cli.Output.Printable;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The command line (./aura cli, java -jar aura-cli.jar): a client of Aura's HTTP API, nothing more (ADR 0041).
 * Each command is one or a few API calls; the server decides, the command line words its answers.
 */
@Command(name = "aura cli", mixinStandardHelpOptions = true, versionProvider = AuraCli.Version.class,
        description = "Administer and script Aura Scheduler through its HTTP API.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {LoginCommand.class, ResourcesCommand.class, BookCommand.class, StatusCommand.class,
            CancelCommand.class, ApprovalsCommand.class, AuditCommand.class, UsersCommand.class,
            TimesheetCommand.class, ReplayCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:refused by the server (409, e.g. the slot is taken), or audit verify found a break",
            "2:bad input (400, 404, 422) or arguments that could not be read",
            "3:authentication: not signed in, token expired, wrong password, or a missing role (401, 403)",
            "4:the server could not be reached or failed (5xx)"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  aura cli login --username admin",
            "  aura cli resources create --name Boardroom --capacity 12 \\",
            "      --time-zone Europe/Berlin",
            "  aura cli book --resource ID --title Standup \\",
            "      --start 2026-12-08T09:00:00+01:00 --end 2026-12-08T09:30:00+01:00",
            "  aura cli status BOOKING_ID --output json",
            "  aura cli audit export --output csv > audit.csv",
            "  source <(aura cli completion)    # bash completion for aura-cli",
            "",
            "The token is kept in $XDG_CONFIG_HOME/aura/credentials.json",
            "(else ~/.config/aura/credentials.json), readable by you only (mode 600).",
            "Every command takes --server URL and --output table|json|csv.",
            "More on one command: aura cli help COMMAND"})
public final class AuraCli implements Callable<Integer> {
    static final String DEFAULT_SERVER = "http://localhost:8080";

    final Terminal terminal;

    @Spec
    CommandSpec spec;

    @Option(names = "--server", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "The Aura server (default: $AURA_SERVER, else the one signed in to last, else "
                    + DEFAULT_SERVER + ").")
    String server;

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "FORMAT", defaultValue = "table",
            description = "table (for people, the default), json (the server's answer as is) or csv (RFC 4180).")
    Format output;

    AuraCli(Terminal terminal) {
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        System.exit(run(Terminal.system(), args));
    }

    /** Runs one command line and answers its exit code; never exits the JVM (the tests call this). */
    public static int run(Terminal terminal, String... args) {
        CommandLine commandLine = commandLine(terminal);
        try {
            return commandLine.execute(args);
        } finally {
            terminal.out().flush();
            terminal.err().flush();
        }
    }

    static CommandLine commandLine(Terminal terminal) {
        CommandLine commandLine = new CommandLine(new AuraCli(terminal));
        commandLine.setOut(terminal.out());
        commandLine.setErr(terminal.err());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof CliFailure failure) {
                if (e instanceof ServerApi.ServerProblem problem && cmd.getCommandSpec().root().userObject()
                        instanceof AuraCli root && root.output == Format.JSON && problem.answer().body() != null) {
                    // a script reading JSON gets the problem too (a refusal's free slots, the fields named)
                    Output.print(Format.JSON, Printable.one(problem.answer().body()), terminal.out());
                }
                terminal.err().println("aura: " + failure.getMessage());
                return failure.exitCode();
            }
            terminal.err().println("aura: unexpected failure: " + e);
            return ExitCode.UNAVAILABLE;
        });
        return commandLine;
    }

    /** Without a command: how to use it, and the usage-error exit code. */
    @Override
    public Integer call() {
        spec.commandLine().usage(terminal.err());
        return ExitCode.BAD_INPUT;
    }

    /** The server this run talks to: --server, else AURA_SERVER, else the one signed in to last, else localhost. */
    String server() {
        String chosen = server != null ? server : terminal.variable("AURA_SERVER");
        if (chosen == null) {
            chosen = credentials().lastServer().orElse(DEFAULT_SERVER);
        }
        String trimmed = chosen.strip().replaceAll("/+$", "");
        if (!trimmed.matches("(?i)https?://[^\\s/]+(/\\S*)?")) {
            throw new CliFailure(ExitCode.BAD_INPUT, "--server must be an http:// or https:// URL, not '" + chosen + "'");
        }
        return trimmed;
    }

    Credentials credentials() {
        return Credentials.of(terminal);
    }

    /** The API with the token kept for this server; exit 3 when there is none or it has expired. */
    ServerApi api() {
        String at = server();
        Credentials.Login login = credentials().forServer(at).orElseThrow(() -> new CliFailure(
                ExitCode.AUTHENTICATION, "not signed in to " + at + "; sign in with: aura cli login --username NAME"));
        if (!login.expiresAt().isAfter(terminal.clock().instant())) {
            throw new CliFailure(ExitCode.AUTHENTICATION, "the sign-in of " + login.username() + " to " + at
                    + " expired at " + login.expiresAt() + "; sign in again with: aura cli login --username "
                    + login.username());
        }
        return new ServerApi(at, login.token());
    }

    int print(Printable printable) {
        Output.print(output, printable, terminal.out());
        return ExitCode.OK;
    }

    /** The version in the jar's manifest (the build's), or that this is a build from the sources. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = AuraCli.class.getPackage().getImplementationVersion();
            return new String[] {"aura-cli " + (version == null ? "(built from the sources)" : version)};
        }
    }
}
