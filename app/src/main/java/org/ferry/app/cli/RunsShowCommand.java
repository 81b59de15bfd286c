package org.ferry.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.ferry.app.client.ApiException;
import org.ferry.app.client.FerryApiClient;
import org.ferry.app.client.ServerRun;
import org.ferry.app.report.SummaryTable;
import org.ferry.app.report.Terminal;
import org.ferry.app.report.TimelineLines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ferry runs show}: one run of the server, as a local run prints at its end. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Shows one run: its timeline of steps and, once it has ended, the summary per VNF (approach,"
          + " migration time, downtime, bytes moved, UE SRT, and their source)."
    })
public final class RunsShowCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ServerOptions server;

  @Parameters(paramLabel = "RUN_ID", description = "The run, as runs list shows it")
  String runId;

  @Option(names = "--format", defaultValue = "text",
      description = "text or json, the server's view of the run as is (default:"
          + " ${DEFAULT-VALUE})")
  String format;

  @Override
  public Integer call() throws Exception {
    boolean json = OutputFormat.textOrJson(format, "text");
    FerryApiClient client = server.client();
    JsonNode run = fetch(client, runId);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(run));
    } else {
      print(new ServerRun(run), out);
    }
    out.flush();
    return 0;
  }

  /** GET the run; a 404 names the run and the server. */
  static JsonNode fetch(FerryApiClient client, String runId) {
    try {
      return client.get("/api/v1/runs/" + FerryApiClient.segment(runId));
    } catch (ApiException e) {
      throw ServerOptions.unknownRun(e, runId, client);
    }
  }

  /**
   * The run's steps as the timeline prints them, the steps under way, then the summary table
   * once it has ended.
   */
  static void print(ServerRun run, PrintWriter out) {
    out.printf("Run %s (%s): %s%n%n", run.id(), run.json().path("trigger").path("type").asText(),
        run.json().path("trigger").path("description").asText());
    TimelineLines.of(run.steps(), run.origin(), Terminal.columns()).forEach(out::println);
    for (JsonNode step : run.json().path("current")) {
      String waiting = step.path("waiting_for").asText("");
      out.printf("  ... %s %s: under way since %s%s%n", step.path("step").asText(),
          step.path("subject").asText(), step.path("start").asText(),
          waiting.isEmpty() ? "" : ", waiting for " + waiting);
    }
    if (run.outcome().isPresent()) {
      SummaryTable.print(run.id(), run.kind(), run.outcome().get(), run.message(), run.moves(),
          out);
    } else {
      out.printf("%nRun %s is %s: ferry runs watch %s follows it.%n", run.id(), run.status(),
          run.id());
    }
  }
}
