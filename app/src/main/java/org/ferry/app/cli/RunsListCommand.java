package org.ferry.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ferry.app.client.FerryApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ferry runs list}: a page of the server's runs, newest first, one line each. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the server's runs, newest first: id, trigger, status or outcome, when queued, and"
          + " what it is about."
    })
public final class RunsListCommand implements Callable<Integer> {

  private static final String[] HEADINGS = {"ID", "TRIGGER", "STATUS", "QUEUED", "SUMMARY"};

  @Spec CommandSpec spec;

  @Mixin ServerOptions server;

  @Option(names = "--status", paramLabel = "S", description = "queued, running or ended")
  String status;

  @Option(names = "--trigger", paramLabel = "T", description = "fault-recovery or planned-move")
  String trigger;

  @Option(names = "--vnf", paramLabel = "ID", description = "Only runs that move this VNF")
  String vnf;

  @Option(names = "--since", paramLabel = "T", description = "Queued at or after T (ISO-8601,"
      + " e.g. 2026-12-03T18:00:00Z)")
  String since;

  @Option(names = "--until", paramLabel = "T", description = "Queued before T (ISO-8601)")
  String until;

  @Option(names = "--limit", paramLabel = "N", description = "At most N runs, 1 to 500"
      + " (the server's default: 50)")
  Integer limit;

  @Option(names = "--offset", paramLabel = "N", description = "Skip the N newest")
  Integer offset;

  @Option(names = "--format", defaultValue = "table",
      description = "table or json, the server's page as is (default: ${DEFAULT-VALUE})")
  String format;

  @Override
  public Integer call() throws Exception {
    boolean json = OutputFormat.textOrJson(format, "table");
    FerryApiClient client = server.client();
    JsonNode page = client.get("/api/v1/runs" + query());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(page));
    } else {
      table(page, out);
    }
    out.flush();
    return 0;
  }

  private String query() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("status", status);
    params.put("trigger", trigger);
    params.put("vnf", vnf);
    params.put("since", since);
    params.put("until", until);
    params.put("limit", limit);
    params.put("offset", offset);
    List<String> parts = new ArrayList<>();
    params.forEach((name, value) -> {
      if (value != null) {
        parts.add(name + "=" + FerryApiClient.queryValue(value.toString()));
      }
    });
    return parts.isEmpty() ? "" : "?" + String.join("&", parts);
  }

  /** The runs as columns as wide as their widest cell, then how many there are in all. */
  private static void table(JsonNode page, PrintWriter out) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADINGS);
    for (JsonNode run : page.path("runs")) {
      rows.add(new String[] {
        run.path("id").asText(),
        run.path("trigger").path("type").asText(),
        run.hasNonNull("outcome") ? run.path("outcome").asText() : run.path("status").asText(),
        // To the second: the list is for telling runs apart, show gives the exact instants.
        Instant.parse(run.path("queued").asText()).truncatedTo(ChronoUnit.SECONDS).toString(),
        summary(run)});
    }
    int total = page.path("total").asInt();
    int shown = rows.size() - 1;
    if (shown == 0) {
      out.println(total == 0 ? "No runs." : "No runs at offset " + page.path("offset").asInt()
          + " (" + total + " in all).");
      return;
    }
    int[] widths = new int[HEADINGS.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        // The last column is not padded: no trailing blanks.
        line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ",
            row[i]));
      }
      out.println(line.toString().stripTrailing());
    }
    int offset = page.path("offset").asInt();
    out.printf("%d of %d run(s)%s%n", shown, total, offset == 0 && shown == total ? ""
        : ", from offset " + offset);
  }

  /** What the run is about and, once it has ended, what came of it. */
  private static String summary(JsonNode run) {
    String about = run.path("trigger").path("description").asText();
    return run.hasNonNull("message") ? about + ": " + run.path("message").asText() : about;
  }
}
