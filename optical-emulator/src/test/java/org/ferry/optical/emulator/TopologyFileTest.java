package org.ferry.optical.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ferry.model.network.Fiber;
import org.ferry.model.network.Topology;
import org.ferry.model.network.Transponder;
import org.ferry.model.unit.Distance;
import org.ferry.optical.pce.OpticalNetwork;
import org.ferry.simulation.ReferenceSetting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The topology file, and the default one against the reference setting's ids. */
class TopologyFileTest {

  @Test
  void theDefaultTopologyIsTheReferenceSetting() {
    OpticalNetwork network = TopologyFile.defaults().network();
    Topology reference = ReferenceSetting.topology(Distance.ofKilometres(50));

    assertThat(network.roadms()).extracting(OpticalNetwork.Roadm::id)
        .containsExactlyInAnyOrderElementsOf(reference.roadms().stream()
            .map(r -> r.id().value()).toList());
    for (Fiber fiber : reference.fibers()) {
      OpticalNetwork.Span span = network.fiber(fiber.id().value()).orElseThrow();
      assertThat(span.lengthKm()).as(fiber.id().value()).isEqualTo(fiber.length().kilometres());
      assertThat(span.a()).isEqualTo(new OpticalNetwork.End(fiber.a().roadm().value(),
          fiber.a().number()));
      assertThat(span.z()).isEqualTo(new OpticalNetwork.End(fiber.z().roadm().value(),
          fiber.z().number()));
    }
    for (Transponder t : reference.transponders()) {
      OpticalNetwork.Xponder x = network.xponder(t.id().value()).orElseThrow();
      assertThat(x.site()).isEqualTo(t.site().value());
      assertThat(x.roadm()).isEqualTo(t.roadm().value());
      assertThat(x.type().name()).isEqualTo(t.kind().name());
    }
    assertThat(network.xponders()).hasSameSizeAs(reference.transponders());
    assertThat(TopologyFile.defaults().services()).extracting(TopologyFile.StartupService::name)
        .containsExactly("backhaul-ran-a", "backhaul-ran-b", "dci-a-b");
  }

  @Test
  void aBrokenFileIsRefusedNamingWhatIsWrong(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("net.json");
    Files.writeString(file, """
        {"roadms": [{"id": "r1", "site": "s1"}, {"id": "r2", "site": "s2"}],
         "fibers": [{"id": "f", "a": {"roadm": "r1", "degree": 1},
                     "z": {"roadm": "r9", "degree": 1}, "length-km": 10}]}
        """);

    assertThatThrownBy(() -> TopologyFile.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("fiber f ends at r9-DEG1");
    Files.writeString(file, "{not json");
    assertThatThrownBy(() -> TopologyFile.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot read topology file");
  }

  @Test
  void aFlexGridFileIsRead(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("flex.json");
    Files.writeString(file, """
        {"grid": "flex",
         "roadms": [{"id": "r1", "site": "s1", "degrees": 1}, {"id": "r2", "site": "s2",
                     "degrees": 1}],
         "xponders": [{"id": "x1", "site": "s1", "roadm": "r1", "type": "transponder-100g"},
                      {"id": "x2", "site": "s2", "roadm": "r2", "type": "transponder-100g"}],
         "fibers": [{"id": "f", "a": {"roadm": "r1", "degree": 1},
                     "z": {"roadm": "r2", "degree": 1}, "length-km": 10}],
         "services": [{"name": "s", "a-end": "x1", "z-end": "x2", "restorable": false}]}
        """);

    TopologyFile topology = TopologyFile.read(file);

    assertThat(topology.network().grid()).isEqualTo(OpticalNetwork.Grid.FLEX);
    assertThat(topology.services()).singleElement()
        .matches(s -> !s.restorable() && s.aEnd().equals("x1"));
  }

  @Test
  void aValueOutsideItsChoicesIsRefusedNamingTheFieldAndItsAllowedValues(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("net.json");
    Files.writeString(file, "{\"grid\": \"fixd\"}");
    assertThatThrownBy(() -> TopologyFile.read(file))
        .hasMessageContaining("\"grid\" must be one of fixed, flex; got \"fixd\"");

    Files.writeString(file, """
        {"roadms": [{"id": "r1", "site": "s1"}],
         "xponders": [{"id": "x1", "site": "s1", "roadm": "r1", "type": "transponder-10g"}]}
        """);
    assertThatThrownBy(() -> TopologyFile.read(file)).hasMessageContaining(
        "\"xponders[0].type\" must be one of transponder-100g, switchponder-1g,"
            + " switchponder-10g; got \"transponder-10g\"");
  }

  @Test
  void anUnknownKeyIsRefusedNamingTheNearestKnownKey(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("net.json");
    Files.writeString(file, """
        {"roadms": [{"id": "r1", "site": "s1"}, {"id": "r2", "site": "s2"}],
         "fibers": [{"id": "f", "a": {"roadm": "r1", "degree": 1},
                     "z": {"roadm": "r2", "degree": 1}, "lenght-km": 10}]}
        """);

    assertThatThrownBy(() -> TopologyFile.read(file)).hasMessageContaining(
        "unknown key \"lenght-km\" in fibers[0] (did you mean \"length-km\"?)");
  }

  @Test
  void aMissingFileSaysSoAndHowToGetTheDefault(@TempDir Path dir) {
    Path file = dir.resolve("nowhere.json");

    assertThatThrownBy(() -> TopologyFile.read(file))
        .hasMessageContaining(file + " does not exist")
        .hasMessageContaining("leave out --topology to use the default")
        .hasMessageContaining("default-topology.json");
  }

  @Test
  void portsPerXponderDefaultByTypeAndCanBeGiven(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("net.json");
    Files.writeString(file, """
        {"roadms": [{"id": "r1", "site": "s1", "vendor": "acme", "ip": "10.0.0.1"}],
         "xponders": [
           {"id": "t", "site": "s1", "roadm": "r1", "type": "transponder-100g"},
           {"id": "w", "site": "s1", "roadm": "r1", "type": "switchponder-1g"},
           {"id": "m", "site": "s1", "roadm": "r1", "type": "transponder-100g",
            "network-ports": 4, "client-ports": 8}]}
        """);

    OpticalNetwork network = TopologyFile.read(file).network();

    assertThat(network.xponder("t").orElseThrow()).matches(
        x -> x.networkPorts() == 2 && x.clientPorts() == 2);
    assertThat(network.xponder("w").orElseThrow()).matches(
        x -> x.networkPorts() == 1 && x.clientPorts() == 4);
    OpticalNetwork.Xponder m = network.xponder("m").orElseThrow();
    assertThat(m.clientPorts()).isEqualTo(8);
    assertThat(m.networkPortOf(6)).isEqualTo(2);
    assertThat(network.addDropPort(m, 1)).as("after t's two and w's one").isEqualTo(4);
    assertThat(network.roadm("r1").orElseThrow().device())
        .isEqualTo(new OpticalNetwork.Device("acme", "roadm", java.util.Optional.of("10.0.0.1")));
  }
}
