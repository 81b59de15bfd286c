package org.ferry.app.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.ferry.app.client.ApiException;
import org.ferry.app.client.FerryApiClient;
import org.ferry.app.client.RunEventPrinter;
import org.ferry.app.client.ServerRun;
import org.ferry.app.client.ServerSentEvent;
import org.ferry.model.report.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ferry runs watch}: follows the server's run events as they happen. */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = {
      "Follows runs as they happen: steps as they start (and what they wait for) and end, moves,"
          + " and each run's end.",
      "With RUN_ID, that run from its beginning, exiting when it ends (0 if it reached its goal, 1"
          + " if not); without, every run the server holds and then every new one, until"
          + " interrupted."
    })
public final class RunsWatchCommand implements Callable<Integer> {

  private static final String EVENTS = "/api/v1/runs/events";

  @Spec CommandSpec spec;

  @Mixin ServerOptions server;

  @Parameters(paramLabel = "RUN_ID", arity = "0..1", description = "One run to follow")
  String runId;

  @Override
  public Integer call() throws InterruptedException {
    FerryApiClient client = server.client();
    if (runId == null) {
      // The server replays what it holds, then streams live; only an interrupt ends this.
      RunEventPrinter printer = new RunEventPrinter(spec.commandLine().getOut(),
          RunEventPrinter.Detail.EVERYTHING, true);
      client.follow(EVENTS, 0, event -> {
        printer.print(event);
        return true;
      });
      return 0;
    }
    RunReport.Outcome outcome = untilEnded(client, runId, new RunEventPrinter(
        spec.commandLine().getOut(), RunEventPrinter.Detail.EVERYTHING, false));
    return outcome.success() ? 0 : 1;
  }

  /**
   * Prints one run's events from its first until its end.
   *
   * @return how it ended
   * @throws ApiException naming the run and the server if the server does not know it
   */
  static RunReport.Outcome untilEnded(FerryApiClient client, String runId,
      RunEventPrinter printer) throws InterruptedException {
    AtomicReference<RunReport.Outcome> outcome = new AtomicReference<>();
    try {
      client.follow("/api/v1/runs/" + FerryApiClient.segment(runId) + "/events", 0,
          (ServerSentEvent event) -> {
            printer.print(event);
            if (event.type().equals("ended")) {
              outcome.set(ServerRun.constant(RunReport.Outcome.class,
                  event.data().path("outcome").asText()));
              return false;
            }
            return true;
          });
    } catch (ApiException e) {
      throw ServerOptions.unknownRun(e, runId, client);
    }
    return outcome.get();
  }
}
