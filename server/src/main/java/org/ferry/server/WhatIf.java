package org.ferry.server;

import static org.ferry.server.WireJson.object;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ferry.decision.ApproachChoice;
import org.ferry.decision.ApproachSelector;
import org.ferry.model.network.Fiber;
import org.ferry.model.network.NodeId;
import org.ferry.model.network.RoadmNode;
import org.ferry.model.network.SiteId;
import org.ferry.model.network.Topology;
import org.ferry.model.report.Prediction;
import org.ferry.model.unit.Distance;
import org.ferry.model.vnf.Vnf;
import org.ferry.model.vnf.VnfId;
import org.ferry.seam.compute.NetworkPath;
import org.ferry.seam.compute.Vim;
import org.ferry.workflow.PlannedMoveWorkflow;
import org.ferry.workflow.Southbound;
import org.ferry.workflow.WorkflowSettings;

/**
 * What a planned move would do, without doing it: per VNF, what the model predicts for each
 * approach its VIM offers and which one the decision would pick, and why. Reads the inventory and
 * the topology; changes nothing.
 *
 * <p>The migration path is what a run would take: a temporary lightpath of the settings' class
 * (its client rate, its xponders' latency) over the shortest fibre route between the sites'
 * ROADMs. Which fibres are cut is not considered: the optical controller chooses the real route
 * when the run asks for it, so the latency here is a lower bound.
 */
final class WhatIf {

  private final Southbound sb;
  private final WorkflowSettings settings;

  WhatIf(Southbound southbound, WorkflowSettings settings) {
    this.sb = southbound;
    this.settings = settings;
  }

  /**
   * @throws org.ferry.workflow.RejectedRequestException as a planned move would be rejected
   */
  ObjectNode predict(Set<VnfId> vnfs, SiteId destination) {
    new PlannedMoveWorkflow(sb, settings).check(vnfs, destination);
    ApproachSelector selector = new ApproachSelector(settings.model(), settings.approachPolicy());
    ObjectNode node = object();
    node.put("destination", destination.value());
    node.put("changes_nothing", true);
    ArrayNode out = node.putArray("vnfs");
    for (VnfId id : vnfs.stream().sorted().toList()) {
      Vnf vnf = sb.vnfs().find(id).orElseThrow();
      Vim vim = sb.compute().vimFor(vnf);
      Distance route = shortestRoute(sb.optical().topology(), vnf.placement().site(),
          destination).orElse(Distance.ZERO);
      NetworkPath path = NetworkPath.over(settings.temporaryLightpathClass(), route);
      ObjectNode v = out.addObject();
      v.put("vnf", id.value());
      v.put("from", vnf.placement().toString());
      v.put("vim", vim.name());
      ObjectNode p = v.putObject("path");
      p.put("lightpath_class", settings.temporaryLightpathClass().name());
      p.put("route_km", route.kilometres());
      p.put("rate_gbps", path.rate().gbps());
      p.put("one_way_latency_s", WireJson.seconds(path.oneWayLatency()));
      try {
        ApproachChoice choice = selector.choose(vnf, vim.approaches(), path, settings.testbed());
        ArrayNode approaches = v.putArray("approaches");
        for (Prediction prediction : choice.considered()) {
          approaches.add(RunViews.prediction(prediction));
        }
        v.put("chosen", choice.chosen().approach().displayName());
        v.put("reason", choice.reason());
      } catch (IllegalArgumentException e) {
        // No approach suits the VNF: a run would keep it at its source, and say this.
        v.putArray("approaches");
        v.put("unmovable", e.getMessage());
      }
    }
    return node;
  }

  /** The shortest fibre route between two sites' ROADMs, or empty if none joins them. */
  static Optional<Distance> shortestRoute(Topology topology, SiteId from, SiteId to) {
    Map<NodeId, Double> km = new HashMap<>();
    Set<NodeId> done = new HashSet<>();
    List<NodeId> starts = topology.roadms().stream().filter(r -> r.site().equals(from))
        .map(RoadmNode::id).toList();
    Set<NodeId> targets = new HashSet<>(topology.roadms().stream()
        .filter(r -> r.site().equals(to)).map(RoadmNode::id).toList());
    starts.forEach(s -> km.put(s, 0.0));
    while (true) {
      Optional<NodeId> next = km.keySet().stream().filter(n -> !done.contains(n))
          .min((a, b) -> Double.compare(km.get(a), km.get(b)));
      if (next.isEmpty()) {
        return Optional.empty();
      }
      NodeId node = next.get();
      if (targets.contains(node)) {
        return Optional.of(Distance.ofKilometres(km.get(node)));
      }
      done.add(node);
      for (Fiber fiber : topology.fibers()) {
        if (fiber.a().roadm().equals(node) || fiber.z().roadm().equals(node)) {
          NodeId other = fiber.otherEnd(node);
          double via = km.get(node) + fiber.length().kilometres();
          if (!done.contains(other) && via < km.getOrDefault(other, Double.MAX_VALUE)) {
            km.put(other, via);
          }
        }
      }
    }
  }
}
