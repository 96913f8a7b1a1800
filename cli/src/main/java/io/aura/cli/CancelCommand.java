package io.aura.cli;

import io.aura.cli.Output.Printable;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Cancel a booking (its requester, ADMIN); its slot is free at once.")
final class CancelCommand implements Callable<Integer> {
    @ParentCommand
    AuraCli cli;

    @Parameters(paramLabel = "BOOKING_ID", description = "The booking's id.")
    String bookingId;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why; its requester and approvers are told.")
    String reason;

    @Override
    public Integer call() {
        Map<String, Object> body = new HashMap<>();
        ResourcesCommand.putIfSet(body, "reason", reason);
        ServerApi api = cli.api();
        var answer = api.post("/events/" + ServerApi.segment(bookingId) + "/cancel", body);
        return cli.print(Printable.one(api.expectOk(answer), "bookingId", "status"));
    }
}
