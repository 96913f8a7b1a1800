package io.aura.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aura.app.Http;
import io.aura.app.IntegrationTest;
import io.aura.cli.AuraCli;
import io.aura.cli.ExitCode;
import io.aura.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The command line end to end: its entry point run in this JVM (exit code returned, output captured, never
 * System.exit) against the running server over real HTTP, each person with a config folder of their own.
 */
class CommandLineIT extends IntegrationTest {
    @TempDir
    Path folders;

    Instant day;

    record Run(int exitCode, String out, String err) {
        JsonNode json() {
            return Http.JSON.readTree(out);
        }

        /** RFC 4180 CSV read back as rows of cells by header name. */
        List<Map<String, String>> csv() {
            List<List<String>> records = parseCsv(out);
            List<Map<String, String>> rows = new ArrayList<>();
            for (List<String> record : records.subList(1, records.size())) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < records.get(0).size(); i++) {
                    row.put(records.get(0).get(i), record.get(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** A plain reading of RFC 4180: quoted cells may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        return records;
    }

    /** Someone at a terminal: their own config folder, so their own token file. */
    final class Person {
        final Path config;

        Person(String name) {
            this.config = folders.resolve(name);
        }

        Run cli(String... args) {
            return withInput("", args);
        }

        Run withInput(String stdin, String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Terminal terminal = new Terminal(Map.of("XDG_CONFIG_HOME", config.toString(), "AURA_SERVER", http.base()),
                    new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out),
                    new PrintWriter(err), Clock.systemUTC());
            return new Run(AuraCli.run(terminal, args), out.toString(), err.toString());
        }

        Person signedInAs(String username, String password) {
            Run login = withInput(password + "\n", "login", "--username", username, "--password-stdin");
            assertThat(login.exitCode()).as(login.err()).isZero();
            return this;
        }
    }

    Person admin;

    @BeforeEach
    void signIn() {
        admin = new Person("admin").signedInAs("admin", ADMIN_PASSWORD);
        day = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
    }

    String room(String... extra) {
        List<String> args = new ArrayList<>(List.of("resources", "create", "--name", unique("CLI room"),
                "--capacity", "8", "--time-zone", "Europe/Berlin", "--buffer-minutes", "10", "-o", "json"));
        args.addAll(List.of(extra));
        Run created = admin.cli(args.toArray(String[]::new));
        assertThat(created.exitCode()).as(created.err()).isZero();
        return created.json().get("id").asString();
    }

    /** A user created through the command line (password on standard input), signed in in a folder of their own. */
    Person person(String name, String... roles) {
        List<String> args = new ArrayList<>(List.of("users", "create", name, "--password-stdin"));
        for (String role : roles) {
            args.addAll(List.of("--role", role));
        }
        Run created = admin.withInput(name + "-password-1\n", args.toArray(String[]::new));
        assertThat(created.exitCode()).as(created.err()).isZero();
        return new Person(name).signedInAs(name, name + "-password-1");
    }

    String at(int hour, int minute) {
        return day.plusSeconds(hour * 3600L + minute * 60L).toString();
    }

    @Test
    void signing_in_keeps_the_token_in_the_config_folder_readable_by_its_owner_only() throws Exception {
        Path tokenFile = admin.config.resolve("aura/credentials.json");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
        JsonNode kept = Http.JSON.readTree(Files.readString(tokenFile)).get("servers").get(http.base());
        assertThat(kept.get("username").asString()).isEqualTo("admin");
        assertThat(kept.get("token").asString()).isNotBlank();
    }

    @Test
    void a_requester_books_sees_the_status_is_refused_a_taken_slot_with_exit_1_and_cancels() {
        String room = room();
        Person alice = person(unique("alice"), "REQUESTER");

        Run booked = alice.cli("book", "--resource", room, "--title", "Standup", "--start", at(9, 0),
                "--end", at(10, 0), "--attendees", "4", "-o", "json");
        String bookingId = booked.json().get("bookingId").asString();
        Run status = alice.cli("status", bookingId);
        Run clash = alice.cli("book", "--resource", room, "--title", "Clash", "--start", at(10, 5),
                "--end", at(11, 0));
        Run clashJson = alice.cli("book", "--resource", room, "--title", "Clash", "--start", at(10, 5),
                "--end", at(11, 0), "--output", "json");
        Run cancelled = alice.cli("cancel", bookingId, "--reason", "moved online");

        assertThat(booked.exitCode()).as(booked.err()).isZero();
        assertThat(booked.json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).containsPattern("status +CONFIRMED").contains("Standup").contains(room);
        assertThat(clash.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(clash.err()).contains("refused (409")
                .contains("in the way: BOOKING " + at(9, 0) + " to " + at(10, 0) + " (booking " + bookingId + ")")
                .contains("free instead: ");
        assertThat(clashJson.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(clashJson.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(clashJson.json().get("suggestions")).isNotEmpty();
        assertThat(cancelled.exitCode()).isZero();
        assertThat(cancelled.out()).containsPattern("status +CANCELLED");
        assertThat(http.get("/events/status?bookingId=" + bookingId, adminToken).body().get("status").asString())
                .isEqualTo("CANCELLED");
    }

    @Test
    void a_timesheet_gives_the_persons_booked_minutes_per_week_as_json_and_csv() {
        String room = room();
        String name = unique("alice");
        Person alice = person(name, "REQUESTER");
        assertThat(alice.cli("book", "--resource", room, "--title", "Standup", "--start", at(9, 0), "--end",
                at(10, 30)).exitCode()).isZero();
        String from = day.minus(1, ChronoUnit.DAYS).toString();
        String to = day.plus(2, ChronoUnit.DAYS).toString();

        Run json = alice.cli("timesheet", "--from", from, "--to", to, "-o", "json");
        Run csv = alice.cli("timesheet", "--from", from, "--to", to, "--group-by", "resource", "-o", "csv");
        Run wrong = alice.cli("timesheet", "--from", from, "--to", to, "--group-by", "colour");

        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.json()).singleElement().satisfies(row -> {
            assertThat(row.get("key").asString()).isEqualTo(name);
            assertThat(row.get("bookings").asInt()).isEqualTo(1);
            assertThat(row.get("minutes").asInt()).isEqualTo(90);
        });
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        assertThat(csv.out()).contains(room).contains(",1,90,0");
        assertThat(wrong.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void bad_input_is_exit_2_naming_the_field_and_records_nothing() {
        String room = room();
        Person alice = person(unique("alice"), "REQUESTER");
        long before = storedEvents();

        Run backwards = alice.cli("book", "--resource", room, "--title", "Backwards", "--start", at(11, 0),
                "--end", at(10, 0));
        Run badZone = admin.cli("resources", "create", "--name", unique("Nowhere"), "--capacity", "2",
                "--time-zone", "Mars/Olympus_Mons");
        Run noSuchBooking = alice.cli("status", "no-such-booking");
        Run unreadable = alice.cli("book", "--resource", room, "--title", "T", "--start", at(9, 0), "--end", at(10, 0),
                "--attendees", "many");

        assertThat(backwards.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(backwards.err()).contains("bad input (400").containsPattern("(?m)^  end: ");
        assertThat(badZone.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(badZone.err()).containsPattern("(?m)^  timeZone: ");
        assertThat(noSuchBooking.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(noSuchBooking.err()).contains("not found (404");
        assertThat(unreadable.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unreadable.err()).contains("--attendees");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void a_wrong_password_no_token_a_missing_role_and_a_disabled_user_are_exit_3() {
        String name = unique("bob");
        Person bob = person(name, "REQUESTER");
        Person stranger = new Person("stranger");

        Run wrongPassword = stranger.withInput("not-it\n", "login", "-u", "admin", "--password-stdin");
        Run noToken = stranger.cli("resources", "list");
        Run missingRole = bob.cli("users", "list");
        assertThat(admin.cli("users", "disable", name).exitCode()).isZero();
        Run disabled = bob.cli("resources", "list");

        assertThat(wrongPassword.exitCode()).isEqualTo(ExitCode.AUTHENTICATION);
        assertThat(wrongPassword.err()).contains("401");
        assertThat(noToken.exitCode()).isEqualTo(ExitCode.AUTHENTICATION);
        assertThat(noToken.err()).contains("not signed in to " + http.base());
        assertThat(missingRole.exitCode()).isEqualTo(ExitCode.AUTHENTICATION);
        assertThat(missingRole.err()).contains("not allowed (403");
        assertThat(disabled.exitCode()).isEqualTo(ExitCode.AUTHENTICATION);
    }

    @Test
    void json_and_csv_output_read_back_to_what_the_server_answers() {
        String room = room();

        JsonNode listed = admin.cli("resources", "list", "--output", "json").json();
        List<Map<String, String>> rows = admin.cli("--output", "csv", "resources", "list").csv();

        assertThat(listed).isEqualTo(http.get("/api/resources", adminToken).body());
        Map<String, String> row = rows.stream().filter(r -> r.get("id").equals(room)).findFirst().orElseThrow();
        assertThat(row).containsEntry("capacity", "8").containsEntry("timeZone", "Europe/Berlin")
                .containsEntry("approvalRequired", "false");
        assertThat(row.get("name")).startsWith("CLI room");
        assertThat(rows).hasSize(listed.size());
    }

    @Test
    void an_approver_lists_their_inbox_and_approves_and_the_booking_is_confirmed() {
        String approverName = unique("ann");
        Person ann = person(approverName, "APPROVER");
        String room = room("--approval-required", "--approver", approverName);
        Person alice = person(unique("alice"), "REQUESTER");

        Run booked = alice.cli("book", "--resource", room, "--title", "Board meeting", "--start", at(13, 0),
                "--end", at(14, 0), "-o", "json");
        String bookingId = booked.json().get("bookingId").asString();
        // the inbox is a view: it shows the approval once its projection has seen it
        String approvalId = await().atMost(Duration.ofSeconds(20)).until(() -> ann.cli("approvals", "list", "-o", "csv")
                .csv().stream().filter(r -> r.get("bookingId").equals(bookingId)).findFirst()
                .map(r -> r.get("approvalId")), java.util.Optional::isPresent).orElseThrow();
        Run refusedDecision = alice.cli("approvals", "decide", approvalId, "approve");
        Run decided = ann.cli("approvals", "decide", approvalId, "APPROVE", "--comment", "fine", "-o", "json");

        assertThat(booked.json().get("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(refusedDecision.exitCode()).isEqualTo(ExitCode.AUTHENTICATION);
        assertThat(decided.exitCode()).as(decided.err()).isZero();
        assertThat(decided.json().get("status").asString()).isEqualTo("APPROVED");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                alice.cli("status", bookingId, "-o", "json").json().get("status").asString()).isEqualTo("CONFIRMED"));
    }

    @Test
    void an_admin_creates_grants_revokes_and_disables_a_user() {
        String name = unique("carol");
        Person carol = person(name, "REQUESTER");

        Run granted = admin.cli("users", "grant", name, "approver", "AUDITOR", "-o", "json");
        Run revoked = admin.cli("users", "revoke", name, "AUDITOR", "-o", "json");
        Run disabled = admin.cli("users", "disable", name, "-o", "json");
        Map<String, String> listed = admin.cli("users", "list", "-o", "csv").csv().stream()
                .filter(r -> r.get("username").equals(name)).findFirst().orElseThrow();
        Run signInAgain = carol.withInput(name + "-password-1\n", "login", "-u", name, "--password-stdin");

        assertThat(granted.exitCode()).isZero();
        assertThat(roles(granted.json())).containsExactlyInAnyOrder("APPROVER", "AUDITOR", "REQUESTER");
        assertThat(roles(revoked.json())).containsExactlyInAnyOrder("APPROVER", "REQUESTER");
        assertThat(disabled.json().get("disabled").asBoolean()).isTrue();
        assertThat(listed).containsEntry("disabled", "true");
        assertThat(listed.get("roles").split(",")).containsExactlyInAnyOrder("APPROVER", "REQUESTER");
        assertThat(signInAgain.exitCode()).isEqualTo(ExitCode.AUTHENTICATION);
        assertThat(admin.cli("users", "create", name, "--role", "REQUESTER", "--password", "another-password-1")
                .exitCode()).as("the name is taken").isEqualTo(ExitCode.REFUSED);
    }

    @Test
    void an_admin_erases_a_users_personal_data_after_saying_yes_and_at_once_with_yes_in_a_script() {
        String name = unique("erin");
        person(name, "REQUESTER");
        assertThat(http.put("/api/users/" + name, adminToken, Map.of("displayName", "Erin Quist")).status())
                .isEqualTo(200);

        Run declined = admin.withInput("n\n", "users", "erase", name);
        Run confirmed = admin.withInput("yes\n", "users", "erase", name, "-o", "json");
        Run scripted = admin.cli("users", "erase", name, "--yes", "-o", "json");
        Run unknown = admin.cli("users", "erase", unique("nobody"), "--yes");

        assertThat(declined.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(declined.err()).contains("nothing erased");
        assertThat(confirmed.exitCode()).as(confirmed.err()).isZero();
        assertThat(confirmed.json().get("erased").asBoolean()).isTrue();
        assertThat(scripted.exitCode()).as("erasing again changes nothing and is no failure").isZero();
        assertThat(unknown.exitCode()).as("no such user: 404").isEqualTo(ExitCode.BAD_INPUT);
        Map<String, String> listed = admin.cli("users", "list", "-o", "csv").csv().stream()
                .filter(r -> r.get("username").equals(name)).findFirst().orElseThrow();
        assertThat(listed).containsEntry("disabled", "true");
    }

    static List<String> roles(JsonNode user) {
        List<String> roles = new ArrayList<>();
        user.get("roles").forEach(r -> roles.add(r.asString()));
        return roles;
    }

    @Test
    void audit_export_gives_an_aggregates_events_and_verify_is_exit_1_while_one_is_missing() {
        String name = userWithTwoEvents("audited");

        Run exported = admin.cli("audit", "export", "--aggregate-id", name, "-o", "json");
        List<Map<String, String>> csv = admin.cli("audit", "export", "--aggregate-id", name, "-o", "csv").csv();
        Run intact = admin.cli("audit", "verify");
        List<Run> broken = new ArrayList<>();
        withStoredEventRemoved(name, 0, () -> broken.add(admin.cli("audit", "verify", "--aggregate-id", name)));

        assertThat(exported.exitCode()).isZero();
        assertThat(exported.json()).isEqualTo(http.get("/api/audit?aggregateId=" + name, adminToken).body());
        assertThat(exported.json()).hasSize(2);
        assertThat(csv).extracting(r -> r.get("sequence")).containsExactly("0", "1");
        assertThat(intact.exitCode()).as(intact.err()).isZero();
        assertThat(intact.out()).containsPattern("valid +true");
        assertThat(broken.get(0).exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(broken.get(0).err()).contains("the audit chain is broken").contains(name);
    }

    @Test
    void replay_rebuilds_the_views_and_waits_for_them_and_is_for_admins_only() {
        String room = room();
        Person dora = person(unique("dora"), "REQUESTER", "AUDITOR");

        Run replayed = admin.cli("replay", "--wait", "-o", "json");
        Run notAllowed = dora.cli("replay");

        assertThat(replayed.exitCode()).as(replayed.err()).isZero();
        assertThat(replayed.json().get("finished").asBoolean()).isTrue();
        assertThat(admin.cli("resources", "list", "-o", "json").out()).contains(room);
        assertThat(notAllowed.exitCode()).isEqualTo(ExitCode.AUTHENTICATION);
    }
}
