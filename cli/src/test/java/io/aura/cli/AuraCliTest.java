package io.aura.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's own behaviour (arguments, exit codes, wording, the token's use) against canned HTTP
 * answers; AuraCliIT in the app module runs it against the real server.
 */
class AuraCliTest {
    static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

    @TempDir
    Path config;

    HttpServer server;
    final Map<String, String[]> answers = new HashMap<>(); // "GET /path" -> {status, JSON body}
    final List<String> authorizations = new CopyOnWriteArrayList<>();

    record Run(int exitCode, String out, String err) {}

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            String[] answer = answers.getOrDefault(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(),
                    new String[] {"404", "{\"title\": \"Not found\", \"status\": 404}"});
            byte[] body = answer[1].getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer[0].startsWith("2") ? "application/json"
                    : "application/problem+json");
            exchange.sendResponseHeaders(Integer.parseInt(answer[0]), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        answers.put("POST /api/auth/token", new String[] {"200",
            "{\"access_token\": \"the-token\", \"token_type\": \"Bearer\", \"expires_in\": 900}"});
    }

    @AfterEach
    void stop() {
        try {
            server.stop(0);
        } catch (IllegalStateException alreadyStopped) {
            // a test stopped it to find no server there
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Run run(Instant now, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Terminal terminal = new Terminal(Map.of("XDG_CONFIG_HOME", config.toString(), "AURA_SERVER", url()),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out),
                new PrintWriter(err), Clock.fixed(now, ZoneOffset.UTC));
        return new Run(AuraCli.run(terminal, args), out.toString(), err.toString());
    }

    Run run(String... args) {
        return run(NOW, "", args);
    }

    Run signedIn(String... args) {
        assertThat(run(NOW, "pw\n", "login", "-u", "admin", "--password-stdin").exitCode()).isZero();
        return run(args);
    }

    @Test
    void signing_in_keeps_the_token_and_every_later_command_sends_it() {
        answers.put("GET /api/resources", new String[] {"200", "[]"});

        Run login = run(NOW, "pw\n", "login", "--username", "admin", "--password-stdin");
        Run list = run("resources", "list");

        assertThat(login.exitCode()).isZero();
        assertThat(login.out()).contains("admin").contains(NOW.plusSeconds(900).toString());
        assertThat(list.exitCode()).isZero();
        assertThat(authorizations).containsExactly("null", "Bearer the-token");
    }

    @Test
    void without_a_token_or_with_an_expired_one_a_command_ends_with_exit_3_and_says_how_to_sign_in() {
        Run none = run("resources", "list");
        signedIn("--help");
        Run expired = run(NOW.plus(Duration.ofMinutes(16)), "", "resources", "list");

        assertThat(none.exitCode()).isEqualTo(ExitCode.AUTHENTICATION);
        assertThat(none.err()).contains("not signed in to " + url()).contains("aura cli login");
        assertThat(expired.exitCode()).isEqualTo(ExitCode.AUTHENTICATION);
        assertThat(expired.err()).contains("expired at " + NOW.plusSeconds(900));
        assertThat(authorizations).hasSize(1); // only the sign-in reached the server
    }

    @Test
    void a_wrong_password_is_exit_3_and_a_missing_role_too() {
        answers.put("POST /api/auth/token", new String[] {"401",
            "{\"title\": \"Unauthorized\", \"status\": 401, \"detail\": \"Unknown user name or wrong password.\"}"});
        Run wrong = run(NOW, "nope\n", "login", "-u", "admin", "--password-stdin");
        answers.put("POST /api/auth/token", new String[] {"200",
            "{\"access_token\": \"t\", \"token_type\": \"Bearer\", \"expires_in\": 900}"});
        answers.put("GET /api/users", new String[] {"403", "{\"title\": \"Forbidden\", \"status\": 403}"});
        Run forbidden = signedIn("users", "list");

        assertThat(wrong.exitCode()).isEqualTo(ExitCode.AUTHENTICATION);
        assertThat(wrong.err()).contains("not signed in (401 Unauthorized): Unknown user name or wrong password.");
        assertThat(forbidden.exitCode()).isEqualTo(ExitCode.AUTHENTICATION);
        assertThat(forbidden.err()).contains("not allowed (403 Forbidden)");
    }

    @Test
    void a_refusal_is_exit_1_naming_what_is_in_the_way_and_free_slots_and_json_output_carries_the_problem() {
        answers.put("POST /events/create", new String[] {"409", """
                {"title": "Slot not available", "detail": "The slot is taken.", "bookingId": "b-2",
                 "status": "REJECTED", "conflicts": [{"start": "2026-12-08T09:00:00Z", "end": "2026-12-08T10:00:00Z",
                 "source": "BOOKING", "bookingId": "b-1"}],
                 "suggestions": [{"resourceId": "r-1", "start": "2026-12-08T10:15:00Z", "end": "2026-12-08T11:15:00Z"}]}
                """});

        Run refused = signedIn("book", "--resource", "r-1", "--title", "T", "--start", "2026-12-08T09:00:00Z",
                "--end", "2026-12-08T10:00:00Z", "--output", "json");

        assertThat(refused.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(refused.err()).contains("refused (409 Slot not available): The slot is taken.")
                .contains("in the way: BOOKING 2026-12-08T09:00:00Z to 2026-12-08T10:00:00Z (booking b-1)")
                .contains("free instead: 2026-12-08T10:15:00Z to 2026-12-08T11:15:00Z on resource r-1");
        assertThat(ServerApi.JSON.readTree(refused.out()).path("bookingId").asString()).isEqualTo("b-2");
    }

    @Test
    void bad_input_is_exit_2_naming_the_field_as_are_arguments_the_command_line_cannot_read() {
        answers.put("POST /api/resources", new String[] {"400", """
                {"title": "Invalid input", "status": 400, "detail": "timeZone: is not a time zone",
                 "errors": [{"field": "timeZone", "message": "is not a time zone"}]}"""});

        Run invalid = signedIn("resources", "create", "--name", "R", "--capacity", "2", "--time-zone", "Mars/Base");
        Run notANumber = run("resources", "create", "--name", "R", "--capacity", "two", "--time-zone", "UTC");
        Run unknown = run("rooms", "list");
        Run nothing = run();

        assertThat(invalid.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(invalid.err()).contains("bad input (400 Invalid input)").contains("  timeZone: is not a time zone");
        assertThat(notANumber.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(notANumber.err()).contains("--capacity");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(nothing.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(nothing.err()).contains("Usage: aura cli");
    }

    @Test
    void a_server_failure_or_no_server_is_exit_4() {
        answers.put("GET /api/resources", new String[] {"500", "{\"title\": \"Internal Server Error\"}"});
        Run failed = signedIn("resources", "list");
        server.stop(0);

        Run unreachable = run("resources", "list");

        assertThat(failed.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(unreachable.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(unreachable.err()).contains("cannot reach the Aura server at " + url());
    }

    @Test
    void the_output_format_may_be_given_before_or_after_the_command() {
        answers.put("GET /api/resources", new String[] {"200", "[{\"id\": \"r-1\", \"name\": \"Boardroom\"}]"});
        signedIn("--help");

        Run before = run("--output", "csv", "resources", "list");
        Run after = run("resources", "list", "-o", "CSV");
        Run table = run("resources", "list");

        assertThat(before.out()).startsWith("id,name,capacity");
        assertThat(after.out()).isEqualTo(before.out());
        assertThat(table.out()).startsWith("ID   NAME       CAPACITY");
    }

    @Test
    void a_server_given_on_the_command_line_wins_and_must_be_a_url() {
        Run other = run("--server", "http://127.0.0.1:9/", "resources", "list");
        Run notAUrl = run("--server", "aura.example.org", "resources", "list");

        assertThat(other.err()).contains("not signed in to http://127.0.0.1:9;");
        assertThat(notAUrl.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void help_reads_well_with_examples_and_the_exit_codes_and_completion_prints_a_bash_script() {
        Run help = run("--help");
        Run bookHelp = run("help", "book");
        Run completion = run("completion");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Examples:").contains("Exit codes:").contains("3   authentication")
                .contains("resources").contains("timesheet");
        assertThat(help.out().lines()).allMatch(line -> line.length() <= 80);
        assertThat(bookHelp.out()).contains("--start=INSTANT").contains("Examples:");
        assertThat(completion.exitCode()).isZero();
        assertThat(completion.out()).startsWith("#!/usr/bin/env bash")
                .contains("complete -F _complete_aura-cli -o default aura-cli");
    }
}
