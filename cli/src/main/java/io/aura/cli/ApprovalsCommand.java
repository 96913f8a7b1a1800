package io.aura.cli;

import io.aura.cli.Output.Printable;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "approvals", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "(list | decide)",
        description = "Bookings waiting for an approver.")
final class ApprovalsCommand {
    enum Decision { APPROVE, REJECT }

    @ParentCommand
    AuraCli cli;

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Your approvals inbox (APPROVER; every approval for an ADMIN).")
    int list(@Option(names = "--status", defaultValue = "PENDING", paramLabel = "STATUS",
            description = "PENDING (default), APPROVED, REJECTED, EXPIRED, ...; ANY for all.") String status) {
        ServerApi api = cli.api();
        String wanted = status.equalsIgnoreCase("ANY") ? null : status.toUpperCase(java.util.Locale.ROOT);
        var answer = api.get("/api/approvals" + ServerApi.query(ServerApi.params("status", wanted)));
        return cli.print(Printable.list(api.expectOk(answer), "approvalId", "bookingId", "status", "requester",
                "approvers", "requestedAt", "expiresAt"));
    }

    @Command(name = "decide", mixinStandardHelpOptions = true,
            description = "Approve or reject (an approver of it; an ADMIN overrides, giving a comment).",
            footerHeading = "%nExample:%n", footer = "  aura cli approvals decide APPROVAL_ID approve --comment 'ok'")
    int decide(@Parameters(index = "0", paramLabel = "APPROVAL_ID", description = "The approval's id.") String id,
               @Parameters(index = "1", paramLabel = "DECISION", description = "approve or reject.") Decision decision,
               @Option(names = "--comment", paramLabel = "TEXT", description = "Why; the requester sees it.") String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("decision", decision.name());
        ResourcesCommand.putIfSet(body, "comment", comment);
        ServerApi api = cli.api();
        var answer = api.post("/api/approvals/" + ServerApi.segment(id) + "/decision", body);
        return cli.print(Printable.one(api.expectOk(answer), "approvalId", "bookingId", "status"));
    }
}
