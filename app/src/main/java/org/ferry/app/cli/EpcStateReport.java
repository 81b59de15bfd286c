package org.ferry.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.ferry.compute.epc.EpcFunction;
import org.ferry.model.network.SiteId;

/**
 * What the testbed demo checks after the moves: each function's own {@code status} (read while
 * the UEs are still attached) and the probe's report, against the state before the run.
 *
 * @param state each function's status, or an object with an {@code error} if it did not answer
 * @param ues the probe's report (summary and per-UE gaps)
 * @param diameterPeer the HSS's Diameter peer (the MME's address and port) before the run
 * @param cutAt when the fibre was cut (the timeline's zero)
 */
record EpcStateReport(Map<EpcFunction, JsonNode> state, JsonNode ues, String diameterPeer,
    Instant cutAt) {

  private JsonNode hss() {
    return state.get(EpcFunction.HSS);
  }

  private JsonNode mme() {
    return state.get(EpcFunction.MME);
  }

  private JsonNode spgw() {
    return state.get(EpcFunction.SPGW);
  }

  private JsonNode summary() {
    return ues.path("summary");
  }

  /** Whether the HSS still has its one Diameter connection, with the same peer. */
  boolean sameDiameterConnection() {
    return hss().path("connections").size() == 1
        && hss().path("connections").get(0).path("peer").asText().equals(diameterPeer);
  }

  /** Whether every piece of state survived: UEs attached and none re-attached, S1, S6a, tunnels. */
  boolean kept(int expectedUes) {
    return summary().path("reattaches").asInt() == 0
        && summary().path("attached").asInt() == expectedUes && sameDiameterConnection()
        && mme().path("associations").size() == 1 && mme().path("ueContexts").asInt() == expectedUes
        && spgw().path("tunnels").asInt() == expectedUes;
  }

  /** Adds the checked state to a report's context, numbers as numbers. */
  void addTo(Map<String, Object> context) {
    context.put("ue_longest_gap_ms", summary().path("maxGapMs"));
    String began = longestGapBegan(ues, cutAt);
    if (!began.isEmpty()) {
      context.put("ue_longest_gap_began_s", Double.parseDouble(began));
    }
    context.put("ue_reattaches", summary().path("reattaches"));
    context.put("hss_same_diameter_connection", sameDiameterConnection());
    context.put("mme_s1_associations", mme().path("associations").size());
    context.put("mme_ue_contexts", mme().path("ueContexts"));
    context.put("spgw_tunnels", spgw().path("tunnels"));
    state.forEach((f, status) -> {
      if (status.has("error")) {
        context.put(f.command() + "_status_error", status.path("error").asText());
      }
    });
  }

  /** Prints the state, function by function, then the UEs'. */
  void print(PrintWriter out, SiteId ranAt) {
    JsonNode hss = hss();
    JsonNode mme = mme();
    JsonNode spgw = spgw();
    String peerNow = hss.path("connections").size() == 1
        ? hss.path("connections").get(0).path("peer").asText() : "none";
    out.printf("%nState after the moves (read from each function's status socket):%n");
    if (hss.has("error")) {
      out.printf("  HSS:  does NOT answer: %s%n", hss.path("error").asText());
    } else {
      out.printf("  HSS:  %d subscribers, %d Diameter connection(s), peer %s (%s)%n",
          hss.path("subscribers").asInt(), hss.path("connections").size(), peerNow,
          peerNow.equals(diameterPeer) ? "the same connection as before" : "NOT the same: was "
              + diameterPeer);
    }
    if (mme.has("error")) {
      out.printf("  MME:  does NOT answer: %s%n", mme.path("error").asText());
    } else {
      out.printf("  MME:  %d S1 association(s), %d UE contexts, %d registered, S6a %s%n",
          mme.path("associations").size(), mme.path("ueContexts").asInt(),
          mme.path("registered").asInt(), mme.path("hss").path("connected").asBoolean() ? "up"
              : "DOWN");
    }
    if (spgw.has("error")) {
      out.printf("  SPGW: does NOT answer: %s%n", spgw.path("error").asText());
    } else {
      out.printf("  SPGW: %d tunnels (%d complete), %d NAT bindings%n",
          spgw.path("tunnels").asInt(), spgw.path("complete").asInt(),
          spgw.path("natBindings").asInt());
    }
    String began = longestGapBegan(ues, cutAt);
    out.printf("  UEs:  %d of %d attached, longest gap %d ms over the whole run (10 ms"
        + " echoes)%s, %d re-attaches, %d S1 setups; RAN port now at %s%n%n",
        summary().path("attached").asInt(), summary().path("ues").asInt(),
        summary().path("maxGapMs").asLong(), began.isEmpty() ? "" : " from +" + began + " s",
        summary().path("reattaches").asLong(), summary().path("s1Setups").asLong(), ranAt);
    out.flush();
  }

  /**
   * When the longest gap any UE saw began, in seconds since the cut (as the timeline counts), so
   * that it can be placed among the steps; empty if the probe listed no gap.
   */
  static String longestGapBegan(JsonNode ues, Instant cutAt) {
    long longest = -1;
    long began = 0;
    for (JsonNode ue : ues.path("ues")) {
      for (JsonNode gap : ue.path("gaps")) { // [ended at, epoch ms; length, ms]
        if (gap.get(1).asLong() > longest) {
          longest = gap.get(1).asLong();
          began = gap.get(0).asLong() - longest;
        }
      }
    }
    return longest < 0 ? "" : String.format(Locale.ROOT, "%.3f",
        (began - cutAt.toEpochMilli()) / 1000.0);
  }
}
