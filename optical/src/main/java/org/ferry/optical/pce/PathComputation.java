package org.ferry.optical.pce;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.ferry.optical.pce.OpticalNetwork.Roadm;
import org.ferry.optical.pce.OpticalNetwork.Span;
import org.ferry.optical.pce.OpticalNetwork.Xponder;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.YenKShortestPath;
import org.jgrapht.graph.WeightedPseudograph;

/**
 * Path computation as TransportPCE's PCE does it: the k = 15 shortest paths over the ROADM graph
 * (by hop count or by propagation delay), with spans that are down, excluded nodes, sites and
 * SRLGs left out of the graph; then each candidate in order is checked for spectrum (the highest
 * free block first), maximum latency and included nodes, and the first that passes wins.
 *
 * <p>Stateless apart from the network; reads the spectrum it is given, never changes it.
 */
public final class PathComputation {

  /** Candidates tried, as in TransportPCE. */
  public static final int K = 15;

  private final OpticalNetwork network;

  public PathComputation(OpticalNetwork network) {
    this.network = Objects.requireNonNull(network, "network");
  }

  /** Computes a path for the request against the spectrum in use. */
  public PceResult compute(PathRequest request, Spectrum spectrum) {
    Optional<Xponder> a = network.xponder(request.aXponder());
    Optional<Xponder> z = network.xponder(request.zXponder());
    Constraints c = request.constraints();
    if (a.isEmpty() || z.isEmpty() || a.get().id().equals(z.get().id())) {
      return PceResult.failed(PceResult.Cause.NO_PATH_EXISTS, PceResult.NO_PATH);
    }
    for (Xponder end : List.of(a.get(), z.get())) {
      if (c.excludeNodes().contains(end.id()) || c.excludeSites().contains(end.site())) {
        return PceResult.failed(PceResult.Cause.NO_PATH_EXISTS, PceResult.NO_PATH);
      }
    }
    List<GraphPath<String, Span>> candidates = candidates(a.get().roadm(), z.get().roadm(),
        request);
    if (candidates.isEmpty()) {
      return PceResult.failed(PceResult.Cause.NO_PATH_EXISTS, PceResult.NO_PATH);
    }
    PceResult firstFailure = null;
    for (GraphPath<String, Span> candidate : candidates) {
      PceResult result = validate(candidate, a.get(), z.get(), request, spectrum);
      if (result.succeeded()) {
        return result;
      }
      if (firstFailure == null) {
        firstFailure = result;
      }
    }
    return firstFailure;
  }

  private List<GraphPath<String, Span>> candidates(String from, String to, PathRequest request) {
    Constraints c = request.constraints();
    WeightedPseudograph<String, Span> graph = new WeightedPseudograph<>(Span.class);
    for (Roadm r : network.roadms()) {
      boolean excluded = c.excludeNodes().contains(r.id()) || c.excludeSites().contains(r.site());
      if (!excluded || r.id().equals(from) || r.id().equals(to)) {
        graph.addVertex(r.id());
      }
    }
    for (String end : List.of(from, to)) {
      Roadm r = network.roadm(end).orElseThrow();
      if (c.excludeNodes().contains(r.id()) || c.excludeSites().contains(r.site())) {
        return List.of();
      }
    }
    for (Span span : network.fibers()) {
      boolean usable = !request.failedSpans().contains(span.id())
          && span.srlgs().stream().noneMatch(c.excludeSrlgs()::contains)
          && graph.containsVertex(span.a().roadm()) && graph.containsVertex(span.z().roadm());
      if (usable) {
        graph.addEdge(span.a().roadm(), span.z().roadm(), span);
        graph.setEdgeWeight(span, request.metric() == PathRequest.Metric.HOP_COUNT ? 1
            : span.lengthKm() / 199.8616);
      }
    }
    if (from.equals(to)) {
      return List.of(new org.jgrapht.graph.GraphWalk<>(graph, List.of(from), 0));
    }
    return new YenKShortestPath<>(graph).getPaths(from, to, K);
  }

  private PceResult validate(GraphPath<String, Span> candidate, Xponder a, Xponder z,
      PathRequest request, Spectrum spectrum) {
    List<String> spans = candidate.getEdgeList().stream().map(Span::id).toList();
    Optional<SpectrumAssignment> block =
        spectrum.highestFree(spans, request.slotsNeeded(), network.grid());
    if (block.isEmpty()) {
      return PceResult.failed(PceResult.Cause.NO_FREQUENCY, PceResult.NO_FREQUENCY);
    }
    long latency = candidate.getEdgeList().stream().mapToLong(Span::pceLatencyMs).sum();
    Optional<Double> max = request.constraints().maxLatencyMs();
    if (max.isPresent() && !(latency < max.get())) {
      return PceResult.failed(PceResult.Cause.TOO_HIGH_LATENCY, PceResult.TOO_HIGH_LATENCY);
    }
    Set<String> crossed = new HashSet<>(candidate.getVertexList());
    crossed.add(a.id());
    crossed.add(z.id());
    if (!crossed.containsAll(request.constraints().includeNodes())) {
      return PceResult.failed(PceResult.Cause.HD_NODE_INCLUDE, PceResult.NOT_INCLUDED);
    }
    double length = candidate.getEdgeList().stream().mapToDouble(Span::lengthKm).sum();
    return PceResult.found(new PceResult.Path(a.id(), z.id(),
        new ArrayList<>(candidate.getVertexList()), spans, block.get(), length, latency));
  }
}
