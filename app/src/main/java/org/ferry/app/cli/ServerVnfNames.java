package org.ferry.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ferry.app.client.FerryApiClient;

/**
 * What {@code --vnf} names on a server: a VNF's id, or a kind (every VNF of it), as in a local
 * run, resolved against the server's inventory since the API takes ids only.
 */
final class ServerVnfNames {

  private ServerVnfNames() {}

  /**
   * The ids {@code names} stand for, in the inventory's order within each name.
   *
   * @throws IllegalArgumentException naming the ids and kinds the server has, for a name that
   *     is neither
   */
  static Set<String> resolve(FerryApiClient client, List<String> names) {
    JsonNode vnfs = client.get("/api/v1/inventory").path("vnfs");
    Set<String> ids = new LinkedHashSet<>();
    for (String name : names) {
      List<String> matched = new ArrayList<>();
      for (JsonNode vnf : vnfs) {
        String id = vnf.path("id").asText();
        if (id.equals(name)) {
          matched = List.of(id);
          break;
        }
        if (vnf.path("kind").asText().equalsIgnoreCase(name)) {
          matched.add(id);
        }
      }
      if (matched.isEmpty()) {
        Set<String> known = new LinkedHashSet<>();
        vnfs.forEach(v -> known.add(v.path("kind").asText().toUpperCase(Locale.ROOT)));
        vnfs.forEach(v -> known.add(v.path("id").asText()));
        throw new IllegalArgumentException("--vnf: " + client.server() + " has no VNF or kind '"
            + name + "'; it has " + known);
      }
      ids.addAll(matched);
    }
    return ids;
  }
}
