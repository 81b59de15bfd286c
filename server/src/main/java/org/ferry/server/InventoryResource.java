package org.ferry.server;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.PUT;
import static org.ferry.server.WireJson.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import org.ferry.model.network.Host;
import org.ferry.model.network.Site;
import org.ferry.model.network.Topology;
import org.ferry.model.network.Transponder;
import org.ferry.model.vnf.SlaRequirement;
import org.ferry.model.vnf.Vnf;
import org.ferry.server.auth.Role;
import org.ferry.workflow.Southbound;

/**
 * {@code /api/v1/inventory}: sites, hosts, fibres, xponders and VNFs (placement and SLAs) as
 * Ferry knows them now. PUT replaces it through the {@link InventorySource}.
 */
final class InventoryResource {

  private final Southbound sb;
  private final InventorySource source;

  InventoryResource(Southbound southbound, InventorySource source) {
    this.sb = southbound;
    this.source = source;
  }

  List<Route> routes() {
    return List.of(
        Route.of(GET, FerryServer.API + "/inventory", Role.VIEWER, "Sites, hosts, fibres,"
            + " xponders and VNFs as Ferry knows them", List.of(200),
            ctx -> WireJson.answer(ctx, 200, inventory())),
        Route.of(PUT, FerryServer.API + "/inventory", Role.ADMIN, "Replace the inventory",
            List.of(202, 400, 413, 415, 501), this::replace));
  }

  private void replace(Context ctx) {
    JsonNode document = WireJson.tree(ctx);
    InventorySource.Replacement replaced;
    try {
      replaced = source.replace(document);
    } catch (UnsupportedOperationException e) {
      throw Problem.of(501, "Not implemented", e.getMessage()).toException();
    }
    List<InventorySource.ValidationError> errors = replaced.errors();
    if (!errors.isEmpty()) {
      InventorySource.ValidationError first = errors.getFirst();
      throw Problem.of(400, "Invalid inventory", errors.size() + " error(s); first: "
          + first.path() + ": " + first.message()).withField(first.path())
          .withFix("correct every entry of errors and PUT the whole document again; nothing"
              + " was changed").withErrors(errors).toException();
    }
    var answer = WireJson.object();
    answer.put("status", "stored");
    answer.put("detail", replaced.detail());
    WireJson.answer(ctx, 202, answer);
  }

  private ObjectNode inventory() {
    Topology topology = sb.optical().topology();
    ObjectNode node = object();
    ArrayNode sites = node.putArray("sites");
    for (Site site : topology.sites()) {
      ObjectNode s = sites.addObject();
      s.put("id", site.id().value());
      s.put("role", WireJson.name(site.role()));
      s.put("top_of_rack", site.topOfRack().toString());
      ArrayNode hosts = s.putArray("hosts");
      for (Host h : site.hosts()) {
        ObjectNode hn = hosts.addObject();
        hn.put("id", h.id().value());
        hn.put("vcpus", h.vcpus());
        hn.put("memory_mb", h.memory().megabytes());
      }
    }
    ArrayNode fibers = node.putArray("fibers");
    topology.fibers().forEach(f -> fibers.addObject().put("id", f.id().value())
        .put("a", f.a().toString()).put("z", f.z().toString())
        .put("length_km", f.length().kilometres()));
    ArrayNode xponders = node.putArray("xponders");
    for (Transponder t : topology.transponders()) {
      xponders.addObject().put("id", t.id().value()).put("site", t.site().value())
          .put("roadm", t.roadm().value()).put("class", t.kind().name())
          .put("client_port", t.clientPort().toString());
    }
    ArrayNode vnfs = node.putArray("vnfs");
    for (Vnf v : sb.vnfs().all()) {
      ObjectNode vn = vnfs.addObject();
      vn.put("id", v.id().value());
      vn.put("kind", v.kind().name());
      vn.put("virtualization", v.virtualization().displayName());
      vn.put("flavor", v.flavor().displayName());
      vn.put("site", v.placement().site().value());
      vn.put("host", v.placement().host().value());
      vn.put("backhaul", v.backhaul().displayName());
      ArrayNode sla = vn.putArray("sla");
      for (SlaRequirement r : v.sla()) {
        sla.addObject().put("peer", r.peer().toString())
            .put("min_bandwidth_gbps", r.minBandwidth().gbps())
            .put("max_latency_s", WireJson.seconds(r.maxLatency()));
      }
    }
    return node;
  }
}
