package io.aura.cli;

import io.aura.cli.Output.Printable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

@Command(name = "audit", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "(export | verify)",
        description = "The event store read as the audit log (AUDITOR, ADMIN).")
final class AuditCommand {
    /** Events per request while exporting; the server pages (a full page links to the next). */
    static final int PAGE = 1000;

    @ParentCommand
    AuraCli cli;

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Every recorded event matching the filters, oldest first, all pages.",
            footerHeading = "%nExamples:%n",
            footer = {"  aura cli audit export --output csv > audit.csv",
                "  aura cli audit export --aggregate-id BOOKING_ID --output json"})
    int export(@Option(names = "--aggregate-id", paramLabel = "ID", description = "One booking's, resource's, "
                       + "user's... events.") String aggregateId,
               @Option(names = "--type", paramLabel = "TYPE", description = "One event type, e.g. BookingConfirmed.") String type,
               @Option(names = "--actor", paramLabel = "USER", description = "Who did it.") String actor,
               @Option(names = "--from", paramLabel = "INSTANT", description = "Recorded at or after.") String from,
               @Option(names = "--to", paramLabel = "INSTANT", description = "Recorded before.") String to) {
        ServerApi api = cli.api();
        ArrayNode all = ServerApi.JSON.createArrayNode();
        long afterIndex = 0;
        long afterSequence = -1;
        while (true) {
            var answer = api.get("/api/audit" + ServerApi.query(ServerApi.params("aggregateId", aggregateId,
                    "type", type, "actor", actor, "from", from, "to", to, "afterIndex", afterIndex,
                    "afterSequence", afterSequence, "limit", PAGE)));
            JsonNode page = api.expectOk(answer);
            page.forEach(all::add);
            // a full page says that more may follow in its Link header; the next starts after its last event:
            // after its global index, or after its sequence where the server gives no index (one aggregate on Axon
            // Server)
            if (page.size() < PAGE || answer.raw().headers().firstValue("Link").isEmpty()) {
                break;
            }
            JsonNode last = page.get(page.size() - 1);
            if (last.path("globalIndex").isNumber()) {
                afterIndex = last.path("globalIndex").asLong();
            } else {
                afterSequence = last.path("sequence").asLong();
            }
        }
        return cli.print(Printable.list(all, "globalIndex", "timestamp", "type", "aggregateType", "aggregateId",
                "sequence", "actor", "payload"));
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Walk the hash chain of every stored event (or one aggregate's).",
                "Exit 0 when it is intact; exit 1 naming the first event altered, removed or reordered."})
    int verify(@Option(names = "--aggregate-id", paramLabel = "ID", description = "Only this aggregate's chain.")
               String aggregateId) {
        ServerApi api = cli.api();
        JsonNode result = api.expectOk(api.get("/api/audit/verify"
                + ServerApi.query(ServerApi.params("aggregateId", aggregateId))));
        cli.print(Printable.one(result, "valid", "checkedEvents", "firstBreak.globalIndex", "firstBreak.aggregateId",
                "firstBreak.sequence", "firstBreak.reason"));
        if (!result.path("valid").asBoolean()) {
            JsonNode at = result.path("firstBreak");
            cli.terminal.err().println("aura: the audit chain is broken at event " + Cells.text(at.path("globalIndex"))
                    + " (" + Cells.text(at.path("aggregateId")) + " #" + Cells.text(at.path("sequence")) + "): "
                    + Cells.text(at.path("reason")));
            return ExitCode.REFUSED;
        }
        return ExitCode.OK;
    }
}
