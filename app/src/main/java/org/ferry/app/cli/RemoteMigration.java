package org.ferry.app.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import org.ferry.app.client.FerryApiClient;
import org.ferry.app.client.RunEventPrinter;
import org.ferry.app.client.ServerRun;
import org.ferry.app.report.SummaryTable;
import org.ferry.model.report.RunReport;

/**
 * {@code ferry migrate --server}: the planned move asked of a server, followed to its end and
 * printed as a local one is (the timeline, then the summary), with the same exit codes.
 */
final class RemoteMigration {

  private RemoteMigration() {}

  /**
   * @param names what {@code --vnf} gave: ids or kinds
   * @return 0 if the run reached its goal, 1 otherwise
   */
  static int run(FerryApiClient client, List<String> names, String destination,
      PrintWriter out, PrintWriter err) throws InterruptedException {
    Set<String> vnfs = ServerVnfNames.resolve(client, names);
    ObjectNode request = JsonNodeFactory.instance.objectNode();
    request.put("type", "planned-move");
    vnfs.forEach(request.putArray("vnfs")::add);
    request.put("destination", destination);
    String runId = client.post("/api/v1/runs", request).path("id").asText();
    out.printf("Ferry planned move on %s: %s to %s, run %s.%n%n", client.server(), vnfs,
        destination, runId);
    out.flush();
    RunsWatchCommand.untilEnded(client, runId,
        new RunEventPrinter(out, RunEventPrinter.Detail.TIMELINE, false));
    ServerRun run = new ServerRun(RunsShowCommand.fetch(client, runId));
    RunReport.Outcome outcome = run.outcome().orElseThrow(() -> new IllegalStateException(
        "the server streamed the end of run " + runId + " but does not report it ended"));
    SummaryTable.print(run.id(), run.kind(), outcome, run.message(), run.moves(), out);
    out.flush();
    if (outcome.success()) {
      return 0;
    }
    err.println("ferry: run " + runId + " ended " + outcome + ": " + run.message());
    return 1;
  }
}
