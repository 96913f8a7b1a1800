package io.aura.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * What one run of the command line reads and writes: the environment, standard input and output, the time.
 * Passed in, never taken from {@link System}, so that tests run the command line in-process.
 */
public record Terminal(Map<String, String> env, InputStream in, PrintWriter out, PrintWriter err, Clock clock) {

    /** The real one: this process's environment and standard streams. */
    public static Terminal system() {
        return new Terminal(System.getenv(), System.in,
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), Clock.systemUTC());
    }

    /** An environment variable, or null when unset or blank. */
    String variable(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** Asks {@code question} on standard error; true only for a "y" or "yes" on the first line of standard input. */
    boolean confirm(String question) {
        err.print(question);
        err.flush();
        try {
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))
                    .readLine();
            return line != null && java.util.Set.of("y", "yes").contains(line.strip().toLowerCase(java.util.Locale.ROOT));
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
