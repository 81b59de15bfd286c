package org.ferry.optical.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ferry.model.network.Fiber;
import org.ferry.model.network.RoadmNode;
import org.ferry.model.network.Topology;
import org.ferry.model.network.Transponder;
import org.ferry.model.network.TransponderClass;
import org.ferry.optical.pce.OpticalNetwork;

/**
 * An emulator topology made from Ferry's own model of a network, so that the emulator can play
 * the controller of any network an inventory describes, not only the reference setting.
 *
 * <p>Every fibre gets a shared-risk group of its own. Tenant transponders drop into a ROADM's
 * first add/drop group, management switchponders into its second where it has one, as in the
 * reference testbed.
 */
public final class TopologyFromInventory {

  private TopologyFromInventory() {}

  /**
   * @param topology the network: ROADMs, fibres, xponders
   * @param services the services in service at start-up: name to its two end xponders and
   *     whether the controller may reroute it
   */
  public static TopologyFile of(Topology topology, List<TopologyFile.StartupService> services) {
    List<OpticalNetwork.Roadm> roadms = new ArrayList<>();
    Map<String, Integer> srgs = new java.util.HashMap<>();
    for (RoadmNode roadm : topology.roadms()) {
      roadms.add(new OpticalNetwork.Roadm(roadm.id().value(), roadm.site().value(),
          roadm.degreeCount(), roadm.srgCount()));
      srgs.put(roadm.id().value(), roadm.srgCount());
    }
    List<OpticalNetwork.Xponder> xponders = new ArrayList<>();
    for (Transponder x : topology.transponders()) {
      int srg = x.kind() == TransponderClass.TRANSPONDER_100G ? 1
          : Math.min(2, srgs.get(x.roadm().value()));
      xponders.add(new OpticalNetwork.Xponder(x.id().value(), x.site().value(),
          x.roadm().value(), srg, typeOf(x.kind())));
    }
    List<OpticalNetwork.Span> spans = new ArrayList<>();
    long srlg = 101;
    for (Fiber f : topology.fibers()) {
      spans.add(new OpticalNetwork.Span(f.id().value(),
          new OpticalNetwork.End(f.a().roadm().value(), f.a().number()),
          new OpticalNetwork.End(f.z().roadm().value(), f.z().number()),
          f.length().kilometres(), List.of(srlg++)));
    }
    return new TopologyFile(new OpticalNetwork(roadms, xponders, spans, OpticalNetwork.Grid.FIXED),
        services);
  }

  private static OpticalNetwork.XponderType typeOf(TransponderClass kind) {
    return switch (kind) {
      case TRANSPONDER_100G -> OpticalNetwork.XponderType.TRANSPONDER_100G;
      case SWITCHPONDER_1G -> OpticalNetwork.XponderType.SWITCHPONDER_1G;
      case SWITCHPONDER_10G -> OpticalNetwork.XponderType.SWITCHPONDER_10G;
    };
  }
}
