package org.ferry.server;

import static io.javalin.http.HandlerType.GET;
import static org.ferry.server.WireJson.object;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.ferry.model.network.Fiber;
import org.ferry.model.network.Lightpath;
import org.ferry.seam.optical.OpticalController;
import org.ferry.server.auth.Role;

/**
 * {@code /api/v1/fibers} and {@code /api/v1/lightpaths}: the optical network as the optical
 * controller reports it, read from the controller on every request.
 */
final class OpticalResource {

  private final OpticalController optical;

  OpticalResource(OpticalController optical) {
    this.optical = optical;
  }

  List<Route> routes() {
    return List.of(
        Route.of(GET, FerryServer.API + "/fibers", Role.VIEWER, "The fibre spans: ends and"
            + " length", List.of(200), ctx -> WireJson.answer(ctx, 200, fibers())),
        Route.of(GET, FerryServer.API + "/lightpaths", Role.VIEWER, "Every lightpath the"
            + " optical controller knows, temporary ones included", List.of(200),
            ctx -> WireJson.answer(ctx, 200, lightpaths())));
  }

  private ObjectNode fibers() {
    ObjectNode node = object();
    ArrayNode out = node.putArray("fibers");
    for (Fiber f : optical.topology().fibers()) {
      ObjectNode n = out.addObject();
      n.put("id", f.id().value());
      n.put("a", f.a().toString());
      n.put("z", f.z().toString());
      n.put("length_km", f.length().kilometres());
      n.put("latency_s", WireJson.seconds(f.length().propagationDelay()));
    }
    return node;
  }

  private ObjectNode lightpaths() {
    ObjectNode node = object();
    ArrayNode out = node.putArray("lightpaths");
    for (Lightpath lp : optical.lightpaths()) {
      ObjectNode n = out.addObject();
      n.put("id", lp.id().value());
      n.put("class", lp.kind().name());
      n.put("a_end", lp.aEnd().site().value() + "/" + lp.aEnd().xponder().value());
      n.put("z_end", lp.zEnd().site().value() + "/" + lp.zEnd().xponder().value());
      ArrayNode route = n.putArray("route");
      lp.route().fibers().forEach(f -> route.add(f.value()));
      ArrayNode roadms = n.putArray("roadms");
      lp.route().roadms().forEach(r -> roadms.add(r.value()));
      n.put("length_km", lp.route().length().kilometres());
      n.put("latency_s", WireJson.seconds(lp.latency()));
      n.put("capacity_gbps", lp.capacity().gbps());
      n.put("frequency_thz", lp.frequency().terahertz());
      n.put("state", WireJson.name(lp.state()));
      n.put("temporary", lp.temporary());
    }
    return node;
  }
}
