package io.aura.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Where a password comes from: the first line of standard input, an option, a variable, or a prompt. */
final class Passwords {
    private Passwords() {}

    /**
     * {@code fromStdin}: the first line of standard input (for scripts: never in the shell's history);
     * {@code given}: the option's value; {@code variable}: an environment variable, or null for none; else asked
     * for at the terminal without echo.
     */
    static String read(Terminal terminal, boolean fromStdin, String given, String variable, String prompt) {
        if (fromStdin) {
            try {
                String line = new BufferedReader(new InputStreamReader(terminal.in(), StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw new CliFailure(ExitCode.BAD_INPUT, "--password-stdin: standard input has no password");
                }
                return line;
            } catch (IOException e) {
                throw new CliFailure(ExitCode.BAD_INPUT, "--password-stdin: " + e.getMessage());
            }
        }
        if (given != null) {
            return given;
        }
        if (variable != null && terminal.variable(variable) != null) {
            return terminal.variable(variable);
        }
        Console console = System.console();
        if (terminal.in() == System.in && console != null && console.isTerminal()) {
            char[] typed = console.readPassword("%s", prompt);
            if (typed != null && typed.length > 0) {
                return new String(typed);
            }
        }
        throw new CliFailure(ExitCode.BAD_INPUT, "no password: type it when asked, or give --password-stdin"
                + (variable == null ? "" : " or " + variable));
    }
}
