package io.aura.cli;

import io.aura.cli.Output.Printable;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "A booking's status and details (its requester, APPROVER, ADMIN, AUDITOR).")
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    AuraCli cli;

    @Parameters(paramLabel = "BOOKING_ID", description = "The booking's id (as book printed it).")
    String bookingId;

    @Override
    public Integer call() {
        ServerApi api = cli.api();
        var answer = api.get("/events/status" + ServerApi.query(ServerApi.params("bookingId", bookingId)));
        return cli.print(Printable.one(api.expectOk(answer), "bookingId", "title", "resourceId", "start", "end",
                "status", "requester", "attendees", "approval.status", "approval.approvers"));
    }
}
