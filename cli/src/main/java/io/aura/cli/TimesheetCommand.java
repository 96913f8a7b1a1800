package io.aura.cli;

import io.aura.cli.Output.Printable;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "timesheet", mixinStandardHelpOptions = true,
        description = {"Booked minutes per week, by user, resource or category (API.md \"Reports\").",
            "Your own rows; every row for ADMIN and AUDITOR."},
        footerHeading = "%nExample:%n",
        footer = "  aura cli timesheet --from 2026-12-01T00:00:00Z --to 2027-01-01T00:00:00Z --group-by resource "
                + "--output csv")
final class TimesheetCommand implements Callable<Integer> {
    enum GroupBy { USER, RESOURCE, CATEGORY }

    @ParentCommand
    AuraCli cli;

    @Option(names = "--from", required = true, paramLabel = "INSTANT", description = "Start of the period.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "INSTANT", description = "End of the period.")
    String to;

    @Option(names = "--group-by", defaultValue = "user", paramLabel = "KEY",
            description = "user (default), resource or category.")
    GroupBy groupBy;

    @Override
    public Integer call() {
        ServerApi api = cli.api();
        var answer = api.get("/api/timesheets" + ServerApi.query(ServerApi.params("from", from, "to", to,
                "groupBy", groupBy.name().toLowerCase(java.util.Locale.ROOT), "format", "json")));
        // the rows' fields as the server names them (key, the week, bookings, minutes, checkedInMinutes)
        return cli.print(Printable.list(api.expectOk(answer)));
    }
}
