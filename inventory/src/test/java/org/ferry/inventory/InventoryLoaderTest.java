package org.ferry.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.ferry.model.network.HostId;
import org.ferry.model.network.LightpathId;
import org.ferry.model.network.SiteId;
import org.ferry.model.unit.DataSize;
import org.ferry.model.vnf.BackhaulInterface;
import org.ferry.model.vnf.Flavor;
import org.ferry.model.vnf.Peer;
import org.ferry.model.vnf.Virtualization;
import org.ferry.model.vnf.Vnf;
import org.ferry.model.vnf.VnfId;
import org.ferry.model.vnf.VnfKind;
import org.junit.jupiter.api.Test;

/**
 * Reading an inventory: a good file loads whole; a bad one loads nothing and names every error
 * with its path and the fix. Each error test breaks {@code inventory/small.yaml} one way.
 */
class InventoryLoaderTest {

  private static final String SMALL = resource("/inventory/small.yaml");

  @Test
  void aGoodFileLoadsWithEveryPart() {
    Inventory inventory = InventoryLoader.parse(SMALL, "small.yaml");

    assertThat(inventory.name()).isEqualTo("small");
    assertThat(inventory.topology().sites()).hasSize(3);
    assertThat(inventory.topology().fibers()).hasSize(3);
    assertThat(inventory.drivers().get(HostId.of("a-1")))
        .isEqualTo(new VimDriver("qemu", java.util.Map.of("binary",
            "/usr/bin/qemu-system-x86_64")));
    assertThat(inventory.drivers().get(HostId.of("b-1"))).isEqualTo(VimDriver.SIMULATED);
    assertThat(inventory.optical().type()).isEqualTo("transportpce");
    assertThat(inventory.optical().url()).contains(URI.create("https://tpce.example:8443/rests"));
    assertThat(inventory.optical().passwordEnv()).contains("FERRY_TPCE_PASSWORD");
    assertThat(inventory.lightpaths()).singleElement()
        .satisfies(lp -> assertThat(lp.restorable()).isFalse());
    assertThat(inventory.backhaul()).containsEntry(SiteId.of("ran"),
        List.of(LightpathId.of("bh-a")));

    Vnf amf = inventory.vnfs().get(0);
    assertThat(amf.kind().name()).isEqualTo("AMF");
    assertThat(amf.kind().carriesUserPlane()).isFalse();
    assertThat(amf.sla()).singleElement().satisfies(r -> {
      assertThat(r.peer()).isEqualTo(Peer.site(SiteId.of("ran")));
      assertThat(r.maxLatency()).isEqualTo(Duration.ofNanos(300_000));
    });
    Vnf mme = inventory.vnfs().get(1);
    assertThat(mme.kind()).isEqualTo(VnfKind.MME);
    assertThat(mme.virtualization()).isEqualTo(Virtualization.CONTAINER);
    assertThat(mme.backhaul()).isEqualTo(BackhaulInterface.OPENVPN);
    assertThat(mme.flavor()).isEqualTo(Flavor.of(2, DataSize.ofMebibytes(3072)));
    assertThat(mme.sla().get(0).peer()).isEqualTo(Peer.vnf(VnfId.of("amf-1")));
    assertThat(mme.sla().get(0).maxLatency()).isEqualTo(Duration.ofNanos(1_500_000));
    assertThat(inventory.kinds()).extracting(VnfKind::name)
        .containsExactly("HSS", "MME", "SPGW", "AMF");
  }

  @Test
  void jsonLoadsToo() {
    String json = """
        {"sites": [{"id": "ran", "role": "ran"},
                   {"id": "site-a", "role": "compute",
                    "hosts": [{"id": "a-1", "vcpus": 2, "memory-mib": 4096}]}],
         "switches": [{"id": "tor-ran", "site": "ran"}, {"id": "tor-a", "site": "site-a"}],
         "roadms": [{"id": "roadm-ran", "site": "ran", "degrees": 1},
                    {"id": "roadm-a", "site": "site-a", "degrees": 1}],
         "fibers": [{"id": "f", "a": {"roadm": "roadm-ran", "degree": 1},
                     "z": {"roadm": "roadm-a", "degree": 1}, "length-km": 5}]}
        """;
    Inventory inventory = InventoryLoader.parse(json, "net.json");

    assertThat(inventory.topology().sites()).hasSize(2);
    assertThat(inventory.vnfs()).isEmpty();
    assertThat(inventory.optical()).isEqualTo(OpticalControllerSpec.SIMULATED);
  }

  @Test
  void anUnknownFieldIsNamedWithTheNearestKnownOne() {
    assertThat(errors(SMALL.replace("    flavor: small", "    flavour: small")))
        .containsExactly("vnfs[0].flavour: unknown field; did you mean 'flavor'?");
    assertThat(errors(SMALL.replace("name: small", "nmae: small")))
        .containsExactly("nmae: unknown field; did you mean 'name'?");
  }

  @Test
  void aValueOutOfRangeNamesTheFieldAndWhatIsAccepted() {
    assertThat(errors(SMALL.replace("max-latency-ms: 1.5", "max-latency-ms: -1")))
        .containsExactly("vnfs[1].peers[0].max-latency-ms: must be above 0, got -1");
    assertThat(errors(SMALL.replace("length-km: 20", "length-km: zero")))
        .containsExactly("fibers[1].length-km: must be a number, got 'zero'");
    assertThat(errors(SMALL.replace("    virtualization: container", "    virtualization: vmx")))
        .containsExactly("vnfs[1].virtualization: unknown virtualization 'vmx'; expected one of"
            + " vm, container");
  }

  @Test
  void danglingReferencesNameBothEnds() {
    assertThat(errors(SMALL.replace("placement: {site: site-a, host: a-1}\n    address: 10.0.0.1",
        "placement: {site: site-a, host: a-9}\n    address: 10.0.0.1")))
        .containsExactly("vnfs[0].placement.host: refers to host 'a-9', which is not declared;"
            + " declared hosts: a-1, b-1");
    assertThat(errors(SMALL.replace("z: {roadm: roadm-b, degree: 1}",
        "z: {roadm: roadm-x, degree: 1}")))
        .containsExactly("fibers[1].z.roadm: refers to ROADM 'roadm-x', which is not declared;"
            + " declared ROADMs: roadm-ran, roadm-a, roadm-b");
    assertThat(errors(SMALL.replace("{peer: amf-1,", "{peer: amf-9,")))
        .containsExactly("vnfs[1].peers[0].peer: refers to 'amf-9', which is neither a VNF nor"
            + " a site; VNFs: amf-1, mme-1; sites: ran, site-a, site-b");
    assertThat(errors(SMALL.replace("placement: {site: site-a, host: a-1}\n    address: 10.0.0.1",
        "placement: {site: site-b, host: a-1}\n    address: 10.0.0.1")))
        .containsExactly("vnfs[0].placement.host: host 'a-1' stands at site-a, not at site-b;"
            + " set site: site-a or pick a host of site-b");
    assertThat(errors(SMALL.replace("backhaul: [bh-a]", "backhaul: [bh-x]")))
        .containsExactly("sites[0].backhaul[0]: refers to lightpath 'bh-x', which is not"
            + " declared under lightpaths; declared lightpaths: bh-a");
  }

  @Test
  void duplicateIdsNameWhereTheFirstIs() {
    assertThat(errors(SMALL.replace("{id: b-1, vcpus: 4", "{id: a-1, vcpus: 4")))
        .containsExactly("sites[2].hosts[0].id: duplicate host id 'a-1'; first declared at"
            + " sites[1].hosts[0]; ids must be unique");
    assertThat(errors(SMALL.replace("  - id: mme-1", "  - id: amf-1")))
        .contains("vnfs[1].id: duplicate VNF id 'amf-1'; first declared at vnfs[0]; ids must"
            + " be unique");
  }

  @Test
  void anUnknownDriverListsTheKnownOnes() {
    assertThat(errors(SMALL.replace("driver: qemu", "driver: vmware")))
        .containsExactly("sites[1].hosts[0].vim.driver: unknown VIM driver 'vmware'; known"
            + " drivers: simulated, qemu, criu");
  }

  @Test
  void anUndeclaredKindListsTheKnownOnes() {
    assertThat(errors(SMALL.replace("kind: AMF", "kind: SMF")))
        .containsExactly("vnfs[0].kind: unknown VNF kind 'SMF'; expected one of HSS, MME, SPGW,"
            + " AMF");
    assertThat(errors(SMALL.replace("{name: amf}", "{name: hss}")))
        .contains("kinds[0].name: kind HSS ships with Ferry; use it without declaring it, or"
            + " pick another name");
  }

  @Test
  void aPasswordIsNeverInlineAndGivenOneWay() {
    assertThat(errors(SMALL.replace("password-env: FERRY_TPCE_PASSWORD", "password: secret")))
        .containsExactly("optical-controller.password: is never written in the inventory; put"
            + " it in a file (password-file: PATH) or an environment variable (password-env:"
            + " NAME)");
    assertThat(errors(SMALL.replace("password-env: FERRY_TPCE_PASSWORD",
        "password-env: FERRY_TPCE_PASSWORD\n  password-file: /etc/ferry/tpce")))
        .containsExactly("optical-controller.password-env: give the password one way:"
            + " password-file or password-env, not both");
  }

  @Test
  void everyErrorIsReportedAtOnceAndNothingLoads() {
    String broken = SMALL.replace("    flavor: small", "    flavour: small")
        .replace("max-latency-ms: 1.5", "max-latency-ms: -1")
        .replace("driver: qemu", "driver: vmware")
        .replace("length-km: 20", "length-km: 0");

    InventoryException e = catchThrowableOfType(InventoryException.class,
        () -> InventoryLoader.parse(broken, "broken.yaml"));

    assertThat(e.errors()).extracting(InventoryError::path).containsExactlyInAnyOrder(
        "vnfs[0].flavour", "vnfs[1].peers[0].max-latency-ms", "sites[1].hosts[0].vim.driver",
        "fibers[1].length-km");
    assertThat(e.getMessage()).startsWith("inventory broken.yaml has 4 errors:\n  ");
  }

  @Test
  void notYamlAtAllSaysWhere() {
    assertThat(errors("sites: [\n  {id: ran"))
        .singleElement().asString().startsWith("line ").contains("not valid YAML or JSON");
  }

  @Test
  void aMissingFileSaysSo() {
    InventoryException e = catchThrowableOfType(InventoryException.class,
        () -> InventoryLoader.load(Path.of("no/such/inventory.yaml")));
    assertThat(e.getMessage()).contains("no such file");
  }

  @Test
  void theExampleCopyOfTheReferenceIsTheShippedOne() throws IOException {
    // Users read examples/reference.yaml; Ferry runs the resource. They must not drift apart.
    Optional<Path> example = Optional.of(Path.of("../examples/reference.yaml"))
        .filter(Files::exists);
    assertThat(example).as("examples/reference.yaml beside the module").isPresent();
    assertThat(Files.readString(example.get()))
        .isEqualTo(resource(InventoryLoader.REFERENCE_RESOURCE));
  }

  @Test
  void theReadmesExampleLoads() throws IOException {
    String readme = Files.readString(Path.of("../README.md"));
    int start = readme.indexOf("```yaml\nname: small");
    assertThat(start).as("the README's small example").isNotNegative();
    String yaml = readme.substring(readme.indexOf('\n', start) + 1,
        readme.indexOf("```", start + 7));

    Inventory inventory = InventoryLoader.parse(yaml, "README.md");

    assertThat(inventory.vnfs()).singleElement()
        .satisfies(v -> assertThat(v.kind().carriesUserPlane()).isTrue());
  }

  private static List<String> errors(String text) {
    InventoryException e = catchThrowableOfType(InventoryException.class,
        () -> InventoryLoader.parse(text, "test.yaml"));
    assertThat(e).as("the inventory should have been refused").isNotNull();
    return e.errors().stream().map(InventoryError::toString).toList();
  }

  private static String resource(String name) {
    try (InputStream in = InventoryLoaderTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
