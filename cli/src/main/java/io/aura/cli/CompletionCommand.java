package io.aura.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a bash (and zsh) completion script for the command aura-cli.",
            "Name the command line aura-cli first, e.g. alias aura-cli='/path/to/aura cli' or a script running "
                    + "java -jar aura-cli.jar."},
        footerHeading = "%nExamples:%n",
        footer = {"  alias aura-cli='/path/to/aura cli'",
            "  source <(aura-cli completion)     # in this shell",
            "  aura-cli completion > ~/.local/share/bash-completion/completions/aura-cli"})
final class CompletionCommand implements Callable<Integer> {
    static final String COMMAND = "aura-cli";

    @ParentCommand
    AuraCli cli;

    @Override
    public Integer call() {
        // the root is named for its help ("aura cli"); a completion function needs one word
        CommandLine named = AuraCli.commandLine(cli.terminal).setCommandName(COMMAND);
        cli.terminal.out().print(AutoComplete.bash(COMMAND, named));
        cli.terminal.out().flush();
        return ExitCode.OK;
    }
}
