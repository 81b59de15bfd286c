package org.ferry.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ferry.app.client.FerryApiClient;

/**
 * {@code ferry predict --server}: a what-if asked of a server, which predicts a planned move on
 * its own network (the real route, its VIMs' approaches) and changes nothing. Prints, per VNF,
 * the predicted figures of each approach and the one the decision would take.
 */
final class RemotePrediction {

  private static final String FORMAT = "  %-14s %12s %12s %12s %10s  %s%n";

  private RemotePrediction() {}

  /**
   * @param names what {@code --vnf} gave: ids or kinds
   * @param json whether to print the server's answer as is
   */
  static int run(FerryApiClient client, List<String> names, String destination, boolean json,
      PrintWriter out) throws Exception {
    Set<String> vnfs = ServerVnfNames.resolve(client, names);
    ObjectNode request = JsonNodeFactory.instance.objectNode();
    request.put("type", "what-if");
    vnfs.forEach(request.putArray("vnfs")::add);
    request.put("destination", destination);
    JsonNode answer = client.post("/api/v1/runs", request);
    if (json) {
      out.println(new ObjectMapper().writerWithDefaultPrettyPrinter()
          .writeValueAsString(answer));
    } else {
      out.printf("What-if on %s: %s to %s (changes nothing)%n", client.server(), vnfs,
          destination);
      answer.path("vnfs").forEach(vnf -> print(vnf, out));
    }
    out.flush();
    return 0;
  }

  private static void print(JsonNode vnf, PrintWriter out) {
    JsonNode path = vnf.path("path");
    out.printf(Locale.ROOT, "%n%s from %s (VIM %s), over a %s lightpath of %.1f km"
            + " (%.0f Gb/s, %.3f ms one way)%n", vnf.path("vnf").asText(),
        vnf.path("from").asText(), vnf.path("vim").asText(),
        path.path("lightpath_class").asText(), path.path("route_km").asDouble(),
        path.path("rate_gbps").asDouble(), path.path("one_way_latency_s").asDouble() * 1e3);
    if (vnf.hasNonNull("unmovable")) {
      out.println("  cannot move: " + vnf.path("unmovable").asText());
      return;
    }
    out.printf(FORMAT, "approach", "migration s", "downtime s", "moved MB", "UE SRT s",
        "convergence");
    for (JsonNode p : vnf.path("approaches")) {
      out.printf(FORMAT, p.path("approach").asText(), figure(p.path("migration_s"), "%.3f"),
          figure(p.path("downtime_s"), "%.3f"), figure(p.path("bytes_moved_mb"), "%.1f"),
          figure(p.path("ue_srt_s"), "%.3f"), p.path("convergence").asText());
    }
    out.println("  figures predicted; chosen: " + vnf.path("chosen").asText() + " ("
        + vnf.path("reason").asText() + ")");
  }

  private static String figure(JsonNode figure, String format) {
    return figure.hasNonNull("value")
        ? String.format(Locale.ROOT, format, figure.path("value").asDouble()) : "-";
  }
}
