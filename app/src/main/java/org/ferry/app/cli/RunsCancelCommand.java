package org.ferry.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import org.ferry.app.client.ApiException;
import org.ferry.app.client.FerryApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ferry runs cancel}: asks the server to stop a run, and says what it found. */
@Command(
    name = "cancel",
    mixinStandardHelpOptions = true,
    description = {
      "Asks the server to stop a run: a queued run is dropped, a running one stops at its next"
          + " step and releases what it holds.",
      "Exit 0 also if it had already ended."
    })
public final class RunsCancelCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ServerOptions server;

  @Parameters(paramLabel = "RUN_ID", description = "The run, as runs list shows it")
  String runId;

  @Override
  public Integer call() {
    FerryApiClient client = server.client();
    JsonNode answer;
    try {
      answer = client.post("/api/v1/runs/" + FerryApiClient.segment(runId) + "/cancel",
          com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
    } catch (ApiException e) {
      throw ServerOptions.unknownRun(e, runId, client);
    }
    String result = answer.path("result").asText();
    spec.commandLine().getOut().println(switch (result) {
      case "requested" -> "run " + runId + ": cancel requested; it stops at its next step and"
          + " releases what it holds (ferry runs watch " + runId + " follows it)";
      case "cancelled" -> "run " + runId + ": cancelled before it began";
      case "already-ended" -> "run " + runId + ": had already ended; nothing to cancel";
      default -> "run " + runId + ": the server answered '" + result + "'";
    });
    spec.commandLine().getOut().flush();
    return 0;
  }
}
