package org.ferry.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.ferry.app.assembly.Assembly;
import org.ferry.app.report.Timeline;
import org.ferry.compute.criu.Criu;
import org.ferry.compute.criu.CriuContainerVim;
import org.ferry.compute.criu.SiteNetwork;
import org.ferry.compute.epc.EpcOnContainers;
import org.ferry.compute.epc.EpcOnVms;
import org.ferry.compute.epc.EpcStandIns;
import org.ferry.compute.qemu.MigrationTuning;
import org.ferry.compute.qemu.QemuVim;
import org.ferry.seam.compute.Vim;
import org.ferry.compute.epc.EpcFunction;
import org.ferry.compute.epc.EpcProbe;
import org.ferry.compute.epc.TestbedBackhaul;
import org.ferry.compute.epc.TestbedServiceProbe;
import org.ferry.model.network.FiberId;
import org.ferry.model.network.HostId;
import org.ferry.model.report.RunReport;
import org.ferry.model.vnf.Ipv4Address;
import org.ferry.model.vnf.Placement;
import org.ferry.model.vnf.Virtualization;
import org.ferry.model.vnf.Vnf;
import org.ferry.model.vnf.VnfId;
import org.ferry.optical.emulator.EmulatedTransportPce;
import org.ferry.optical.emulator.Timings;
import org.ferry.optical.emulator.TopologyFile;
import org.ferry.optical.transportpce.EmulatorAdmin;
import org.ferry.optical.transportpce.TransportPceOpticalController;
import org.ferry.optical.transportpce.TransportPceSettings;
import org.ferry.simulation.ReferenceSetting;
import org.ferry.store.InMemoryVnfStore;
import org.ferry.testbed.net.HostPriority;
import org.ferry.testbed.net.LightpathFollower;
import org.ferry.testbed.net.Testbed;
import org.ferry.testbed.net.TestbedArtefacts;
import org.ferry.testbed.net.TestbedLayout;
import org.ferry.time.TimeSource;
import org.ferry.workflow.ComputeLayer;
import org.ferry.run.InMemoryRunStore;
import org.ferry.run.RunService;
import org.ferry.workflow.Southbound;
import org.ferry.workflow.WorkflowSettings;

/**
 * {@code ferry demo --mode testbed}: the fault-recovery flow on real parts. The optical layer is
 * the TransportPCE client, against an in-process emulator (or {@code --optical URL}); the
 * testbed's sites and RAN are network namespaces, and the inter-site link follows the optical
 * services (a temporary lightpath first, as it carries the migration); the HSS, MME and SPGW
 * stand-ins run as CRIU containers at site A with the Internet host, and the EPC probe (a gNB
 * with 10 UEs) in the RAN namespace. The backhaul repoint moves the RAN's port to the site where
 * the SPGW runs. Every compute and UE figure is measured.
 */
final class TestbedDemo {

  /** The emulator's device set-up time for a service (TransportPCE's real OLM timers: ~280 s). */
  static final Duration SETUP_DELAY = Duration.ofSeconds(2);
  private static final int UES = 10;

  private final PrintWriter stdout;
  private final PrintWriter stderr;
  private final SettingOptions setting;
  private final OpticalOptions optical;
  private final String prefix;
  private final List<AutoCloseable> open = new ArrayList<>();

  TestbedDemo(PrintWriter stdout, PrintWriter stderr, SettingOptions setting,
      OpticalOptions optical, String prefix) {
    this.stdout = stdout;
    this.stderr = stderr;
    this.setting = setting;
    this.optical = optical;
    this.prefix = prefix;
  }

  int run(FiberId fiber, Path out) throws InterruptedException {
    ReferenceSetting.Options options = setting.toSetting(true);
    var unsupported = Testbed.unsupportedReason();
    if (unsupported.isPresent()) {
      stderr.println("ferry demo --mode testbed: " + unsupported.get() + ". The testbed runs"
          + " network namespaces, real CRIU containers and QEMU guests, so it needs root on"
          + " Linux (and scripts/testbed-setup.sh once). Run `ferry demo` (--mode simulated, the"
          + " default) for the same flow in the digital twin, no root needed.");
      return 1;
    }
    ReferenceSetting.topology(options.interSiteDistance()).fiber(fiber); // names known fibres
    Criu criu = Criu.require();
    ExecutorService runner = Executors.newSingleThreadExecutor(
        r -> Thread.ofPlatform().daemon().name("ferry-workflow").unstarted(r));
    Path work = null;
    Testbed net = null;
    Thread cleanup = null;
    try {
      work = Files.createTempDirectory("ferry-testbed-demo");
      TransportPceSettings settings = opticalSettings();
      TransportPceOpticalController controller = new TransportPceOpticalController(settings,
          ReferenceSetting.topology(options.interSiteDistance()));
      open.add(controller);

      TestbedLayout layout = new TestbedLayout(prefix);
      net = new Testbed(layout, TestbedArtefacts.fromEnvironment());
      Testbed testbed = net;
      cleanup = new Thread(() -> closeAll(testbed));
      Runtime.getRuntime().addShutdownHook(cleanup);
      net.down();
      net.up();
      LightpathFollower follower = new LightpathFollower(controller, net,
          ReferenceSetting.SITE_A, ReferenceSetting.SITE_B, true);
      open.add(follower);
      follower.start(Duration.ofMillis(200));

      boolean vms = options.virtualization() == Virtualization.VM;
      EpcStandIns epc = vms ? standInsOnVms(layout, net, criu, work)
          : standInsOnContainers(layout, criu, work);
      String qemu = vms ? ((QemuVim) epc.vim()).qemuVersion() : null;
      open.add(epc);
      Vim vim = epc.vim();
      List<Vnf> vnfs = ReferenceSetting.epc(options).stream().map(v -> new Vnf(v.id(), v.kind(),
          v.virtualization(), v.flavor(), v.placement(), Ipv4Address.of(address(epc, v.id())),
          v.backhaul(), v.sla())).toList();
      Placement siteA = vnfs.get(0).placement();

      stdout.printf("Ferry demo, testbed mode (%s): EPC stand-ins (HSS, MME, SPGW) as %s at %s,"
          + " %d UEs in the RAN namespace, optical layer on %s.%n", prefix,
          vms ? "QEMU " + qemu + " guests (TCG, 1 vCPU, 512 MiB)" : "CRIU containers", siteA, UES,
          controller.client().peer());
      stdout.flush();
      epc.deploy(siteA);
      EpcProbe probe = epc.startProbe(UES, 10);
      open.add(probe);
      probe.awaitAttached(Duration.ofSeconds(vms ? 120 : 60));
      JsonNode hssBefore = epc.awaitStatus(EpcFunction.HSS,
          s -> s.path("connections").size() == 1, "the MME's Diameter connection",
          Duration.ofSeconds(10));
      String diameterPeer = hssBefore.path("connections").get(0).path("peer").asText();

      TestbedBackhaul flows = new TestbedBackhaul(layout,
          Map.of(Ipv4Address.of(EpcFunction.SPGW.address()), ReferenceSetting.SPGW), vim);
      InMemoryVnfStore store = new InMemoryVnfStore(vnfs);
      // The same assembly as the twin's and the server's, on the testbed's real parts.
      Assembly assembly = Assembly.onParts(ReferenceSetting.inventory(options),
          new Southbound(controller, flows, new ComputeLayer(List.of(vim)),
              new TestbedServiceProbe(layout, probe), store, TimeSource.system()),
          options.testbed(), Optional.of(controller));
      WorkflowSettings workflow =
          assembly.workflowSettings().withApproachPolicy(setting.approachPolicy());
      stdout.printf("%d of %d UEs attached; cutting %s through the emulator's admin API. Times"
          + " are real seconds since the cut; every compute and UE figure is measured.%n%n",
          UES, UES, fiber);
      stdout.flush();
      Timeline timeline = Timeline.forConsole(stdout);
      Instant cutAt = Instant.now();
      timeline.startAt(cutAt);
      RunService orchestrator = assembly.runService(workflow, new InMemoryRunStore(), runner,
          timeline);
      new EmulatorAdmin(settings).cut(fiber);
      List<RunReport> reports = RunOutput.awaitRun(orchestrator,
          settings.followTimeout().multipliedBy(3).plusSeconds(120));
      Thread.sleep(500);
      // the functions' state while the UEs are still attached (stopping the probe closes S1)
      Map<EpcFunction, JsonNode> state = Map.of(
          EpcFunction.HSS, epc.statusOrError(EpcFunction.HSS),
          EpcFunction.MME, epc.statusOrError(EpcFunction.MME),
          EpcFunction.SPGW, epc.statusOrError(EpcFunction.SPGW));
      JsonNode ues = probe.stop(Duration.ofSeconds(20));
      EpcStateReport after = new EpcStateReport(state, ues, diameterPeer, cutAt);
      after.print(stdout, flows.ranAt());

      var context = setting.describe();
      context.put("cut", fiber.value());
      context.put("optical", settings.base().toString());
      context.put("testbed_prefix", prefix);
      if (qemu != null) {
        context.put("qemu", qemu);
      }
      context.put("functions_and_ues_nice", HostPriority.NICE);
      after.addTo(context);
      int exit = RunOutput.finish(reports, context, out, stdout, stderr);
      boolean kept = after.kept(UES);
      if (!kept) {
        stderr.println("ferry demo --mode testbed: some state was lost in the moves (see above)");
      }
      if ((exit != 0 || !kept) && out != null && vms) {
        keepConsoles(net.stateDir().resolve("qemu"), out.resolve("qemu"));
      }
      return exit != 0 ? exit : kept ? 0 : 1;
    } catch (IOException e) {
      throw new IllegalStateException("cannot create the demo's work directory: " + e.getMessage(),
          e);
    } finally {
      runner.shutdownNow();
      closeAll(net);
      if (cleanup != null) {
        try {
          Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException e) {
          // shutting down already
        }
      }
      deleteTree(work);
    }
  }

  /** The stand-ins as CRIU containers, two container hosts per site. */
  private EpcStandIns standInsOnContainers(TestbedLayout layout, Criu criu, Path work) {
    List<SiteNetwork> hosts = new ArrayList<>();
    for (TestbedLayout.SiteNet site : layout.sites()) {
      String tag = site.site().value().replaceFirst("^site-", "");
      for (int n = 1; n <= 2; n++) {
        hosts.add(new SiteNetwork(new Placement(site.site(), HostId.of(tag + "-host-" + n)),
            site.namespace(), site.bridge(), site.hostAddress()));
      }
    }
    CriuContainerVim vim = new CriuContainerVim("criu@testbed", criu, work.resolve("images"),
        hosts);
    open.add(vim);
    return new EpcOnContainers(vim, layout, work.resolve("epc"), TestbedDemo::vnfId);
  }

  /** The stand-ins as QEMU guests; the Internet host (never moved) as a container at site A. */
  private EpcStandIns standInsOnVms(TestbedLayout layout, Testbed net, Criu criu, Path work) {
    net.artefacts().checkGuestRuntime();
    QemuVim vim = new QemuVim(layout, net.artefacts(), net.stateDir().resolve("qemu"),
        MigrationTuning.defaults());
    open.add(vim);
    TestbedLayout.SiteNet a = layout.site(ReferenceSetting.SITE_A);
    CriuContainerVim internet = new CriuContainerVim("internet@testbed", criu,
        work.resolve("images"), List.of(new SiteNetwork(new Placement(a.site(),
            HostId.of("a-host-1")), a.namespace(), a.bridge(), a.hostAddress())));
    open.add(internet);
    return new EpcOnVms(vim, internet, layout, work.resolve("epc"), TestbedDemo::vnfId);
  }

  private static VnfId vnfId(EpcFunction f) {
    return switch (f) {
      case HSS -> ReferenceSetting.HSS;
      case MME -> ReferenceSetting.MME;
      case SPGW -> ReferenceSetting.SPGW;
      case INTERNET_HOST -> VnfId.of("internet-host");
    };
  }

  private TransportPceSettings opticalSettings() {
    if (optical.enabled()) {
      return optical.settings();
    }
    EmulatedTransportPce emulator = new EmulatedTransportPce(TopologyFile.defaults(),
        Timings.withSetupDelay(SETUP_DELAY), "admin", "admin").start("127.0.0.1", 0);
    open.add(emulator);
    return TransportPceSettings.defaults("http://127.0.0.1:" + emulator.port())
        .withCredentials("admin", "admin");
  }

  private static String address(EpcStandIns epc, VnfId id) {
    for (EpcFunction f : EpcFunction.values()) {
      if (epc.id(f).equals(id)) {
        return f.address();
      }
    }
    throw new IllegalArgumentException("no stand-in for " + id);
  }

  private synchronized void closeAll(Testbed net) {
    // in reverse order of opening: the probe, the stand-ins, the VIM, the follower, the optical
    for (AutoCloseable c : open.reversed()) {
      try {
        c.close();
      } catch (Exception e) {
        stderr.println("cleanup: " + e.getMessage());
      }
    }
    open.clear();
    if (net != null) {
      net.down();
    }
  }

  /**
   * After a failed run, copies the guests' consoles and QEMU logs (removed with the testbed) next
   * to the report, so that what went wrong inside a guest can still be read.
   */
  private void keepConsoles(Path from, Path to) {
    try (Stream<Path> files = Files.list(from)) {
      Files.createDirectories(to);
      for (Path f : files.filter(p -> p.toString().endsWith(".serial")
          || p.toString().endsWith(".log")).toList()) {
        Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
      stderr.println("ferry demo --mode testbed: the guests' consoles and QEMU logs are in " + to);
    } catch (IOException e) {
      stderr.println("ferry demo --mode testbed: cannot keep the guests' consoles from " + from
          + ": " + e.getMessage());
    }
  }

  private static void deleteTree(Path dir) {
    if (dir == null || !Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temporary directory: left for the system to clean
    }
  }
}
