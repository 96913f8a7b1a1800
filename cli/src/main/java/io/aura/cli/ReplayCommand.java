package io.aura.cli;

import io.aura.cli.Output.Printable;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Rebuild every projection from the event store (ADMIN).",
            "The server answers at once and rebuilds in the background; --wait follows it to the end."})
final class ReplayCommand implements Callable<Integer> {
    @ParentCommand
    AuraCli cli;

    @Option(names = "--wait", description = "Wait until every projection has caught up.")
    boolean await;

    @Option(names = "--timeout", defaultValue = "PT10M", paramLabel = "DURATION",
            description = "How long --wait waits (ISO-8601, default PT10M).")
    Duration timeout;

    @Override
    public Integer call() throws InterruptedException {
        ServerApi api = cli.api();
        JsonNode progress = api.expectOk(api.post("/api/admin/replay", null));
        Instant deadline = cli.terminal.clock().instant().plus(timeout);
        while (await && !progress.path("finished").asBoolean()) {
            if (cli.terminal.clock().instant().isAfter(deadline)) {
                throw new CliFailure(ExitCode.UNAVAILABLE, "the rebuild did not finish within " + timeout);
            }
            Thread.sleep(250);
            progress = api.expectOk(api.get("/api/admin/replay"));
        }
        return cli.print(Printable.one(progress, "headIndex", "finished"));
    }
}
