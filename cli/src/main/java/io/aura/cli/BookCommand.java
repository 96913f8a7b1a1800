package io.aura.cli;

import io.aura.cli.Output.Printable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "book", mixinStandardHelpOptions = true,
        description = {"Request a booking (REQUESTER, ADMIN); answers once the server has decided.",
            "Confirmed or pending approval: exit 0. Taken, closed or over a quota: exit 1, with what is in the way "
                    + "and free slots nearby (all of them with --output json)."},
        footerHeading = "%nExamples:%n",
        footer = {"  aura cli book --resource ID --title Standup --attendees 6 \\",
            "      --start 2026-12-08T09:00:00+01:00 --end 2026-12-08T09:30:00+01:00",
            "  aura cli book --resource ID --title Weekly \\",
            "      --start 2026-12-07T09:00:00Z --end 2026-12-07T10:00:00Z \\",
            "      --recurrence 'RRULE:FREQ=WEEKLY;COUNT=10' --skip-conflicts"})
final class BookCommand implements Callable<Integer> {
    @ParentCommand
    AuraCli cli;

    @Option(names = "--resource", required = true, paramLabel = "ID", description = "The resource's id.")
    String resourceId;

    @Option(names = "--title", required = true, paramLabel = "TEXT", description = "What it is for.")
    String title;

    @Option(names = "--start", required = true, paramLabel = "INSTANT",
            description = "ISO-8601 with an offset, e.g. 2026-12-08T09:00:00+01:00.")
    String start;

    @Option(names = "--end", required = true, paramLabel = "INSTANT", description = "ISO-8601 with an offset.")
    String end;

    @Option(names = "--attendees", paramLabel = "N", description = "How many people come.")
    Integer attendees;

    @Option(names = "--description", paramLabel = "TEXT", description = "More about it.")
    String description;

    @Option(names = "--recurrence", paramLabel = "RRULE", description = "A series, e.g. 'RRULE:FREQ=WEEKLY;COUNT=10'.")
    String recurrence;

    @Option(names = "--skip-conflicts", description = "For a series: book the free dates and skip the taken ones "
            + "(default: all or nothing).")
    boolean skipConflicts;

    @Option(names = "--idempotency-key", paramLabel = "KEY", description = "Retrying with the same key never books "
            + "twice.")
    String idempotencyKey;

    @Override
    public Integer call() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("resourceId", resourceId);
        body.put("start", start);
        body.put("end", end);
        ResourcesCommand.putIfSet(body, "attendees", attendees);
        ResourcesCommand.putIfSet(body, "description", description);
        ResourcesCommand.putIfSet(body, "recurrence", recurrence);
        if (skipConflicts) {
            body.put("conflictPolicy", "SKIP_CONFLICTS");
        }
        ServerApi api = cli.api();
        var answer = api.post("/events/create", body,
                idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey));
        return cli.print(Printable.one(api.expectOk(answer), "bookingId", "status"));
    }
}
