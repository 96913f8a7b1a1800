package io.aura.cli;

import io.aura.cli.Output.Printable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "resources", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "(list | create)",
        description = "Rooms, venues and equipment.")
final class ResourcesCommand {
    private static final String[] COLUMNS = {"id", "name", "capacity", "timeZone", "approvalRequired", "retired"};

    @ParentCommand
    AuraCli cli;

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every resource (any user).")
    int list() {
        ServerApi api = cli.api();
        return cli.print(Printable.list(api.expectOk(api.get("/api/resources")), COLUMNS));
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Register a resource (ADMIN).",
            footerHeading = "%nExample:%n",
            footer = {"  aura cli resources create --name Boardroom --capacity 12 \\",
                "      --time-zone Europe/Berlin --approval-required --approver alice \\",
                "      --buffer-minutes 10"})
    int create(
            @Option(names = "--name", required = true, paramLabel = "TEXT", description = "Its name, unique among resources.") String name,
            @Option(names = "--capacity", required = true, paramLabel = "N", description = "How many people it holds.") int capacity,
            @Option(names = "--time-zone", required = true, paramLabel = "ZONE",
                    description = "Its IANA time zone, e.g. Europe/Berlin.") String timeZone,
            @Option(names = "--approval-required", description = "Bookings wait for an approver.") boolean approval,
            @Option(names = "--approver", paramLabel = "USER", description = "Who approves (repeat for several).")
            List<String> approvers,
            @Option(names = "--buffer-minutes", paramLabel = "N", description = "Free minutes kept between bookings.") Integer buffer,
            @Option(names = "--min-duration-minutes", paramLabel = "N", description = "Shortest booking.") Integer minDuration,
            @Option(names = "--max-duration-minutes", paramLabel = "N", description = "Longest booking.") Integer maxDuration,
            @Option(names = "--booking-window-days", paramLabel = "N", description = "How far ahead it can be booked.") Integer window) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("capacity", capacity);
        body.put("timeZone", timeZone);
        body.put("approvalRequired", approval);
        putIfSet(body, "approvers", approvers);
        putIfSet(body, "bufferMinutes", buffer);
        putIfSet(body, "minDurationMinutes", minDuration);
        putIfSet(body, "maxDurationMinutes", maxDuration);
        putIfSet(body, "bookingWindowDays", window);
        ServerApi api = cli.api();
        return cli.print(Printable.one(api.expectOk(api.post("/api/resources", body)), COLUMNS));
    }

    static void putIfSet(Map<String, Object> body, String field, Object value) {
        if (value != null) {
            body.put(field, value);
        }
    }
}
