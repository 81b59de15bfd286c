package org.ferry.optical.transportpce;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.ferry.model.network.FiberId;
import org.ferry.seam.SouthboundException;

/**
 * The emulator's admin API ({@code POST /ferry/admin/cut|repair}), for demos and tests that
 * inject faults. A real TransportPCE has no such API: there a fault comes from the devices.
 */
public final class EmulatorAdmin {

  private final RestconfClient restconf;

  public EmulatorAdmin(TransportPceSettings settings) {
    this.restconf = new RestconfClient(settings);
  }

  /**
   * Whether the controller is Ferry's emulator: whether it answers its admin API ({@code GET
   * /ferry/admin/spectrum}). A real TransportPCE answers 404 there; so does anything else that is
   * not the emulator, and a controller that cannot be reached is no emulator either.
   *
   * @return true only on a 200 with the emulator's reply
   */
  public boolean isEmulator() {
    try {
      HttpResponse<String> response = restconf.raw("GET", "/ferry/admin/spectrum", null);
      return response.statusCode() == 200
          && restconf.read(response, "spectrum").has("fibers");
    } catch (SouthboundException e) {
      return false; // unreachable, or an answer that is not JSON: not the emulator
    }
  }

  /**
   * Cuts a fibre.
   *
   * @return the services that went out of service
   * @throws SouthboundException if the emulator refuses (an unknown fibre, or no emulator
   *     there), or if the fibre is cut already (no fault would be reported)
   */
  public List<String> cut(FiberId fiber) {
    JsonNode reply = post("cut", fiber);
    if (reply.path("was-down").asBoolean()) {
      throw new SouthboundException(restconf.peer(), fiber + " is cut already, so cutting it"
          + " reports nothing; repair it first (POST /ferry/admin/repair) or restart the"
          + " emulator", false);
    }
    List<String> down = new ArrayList<>();
    reply.path("services-down").forEach(s -> down.add(s.asText()));
    return down;
  }

  /** Repairs a fibre. */
  public void repair(FiberId fiber) {
    post("repair", fiber);
  }

  private JsonNode post(String action, FiberId fiber) {
    String body = restconf.mapper().createObjectNode().put("fiber", fiber.value()).toString();
    HttpResponse<String> response = restconf.raw("POST", "/ferry/admin/" + action, body);
    if (response.statusCode() != 200) {
      JsonNode error = null;
      try {
        error = restconf.mapper().readTree(response.body());
      } catch (java.io.IOException e) {
        // not JSON; quoted raw below
      }
      String message = error == null ? response.body()
          : error.at("/errors/error/0/error-message").asText(response.body());
      throw new SouthboundException(restconf.peer(), action + " of " + fiber + " was refused"
          + " (HTTP " + response.statusCode() + "): " + message, false);
    }
    return restconf.read(response, action);
  }
}
