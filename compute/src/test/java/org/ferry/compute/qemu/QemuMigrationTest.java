package org.ferry.compute.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.ferry.model.network.SiteId;
import org.ferry.model.report.MigrationOutcome;
import org.ferry.model.report.Phase;
import org.ferry.model.report.PhaseRecord;
import org.ferry.model.report.Provenance;
import org.ferry.model.unit.DataRate;
import org.ferry.model.vnf.Flavor;
import org.ferry.model.vnf.MigrationApproach;
import org.ferry.model.vnf.Placement;
import org.ferry.model.vnf.VnfId;
import org.ferry.model.vnf.VnfKind;
import org.ferry.seam.compute.MigrationFailedException;
import org.ferry.seam.compute.MigrationRequest;
import org.ferry.seam.compute.NetworkPath;
import org.ferry.testbed.net.CommandRunner;
import org.ferry.testbed.net.HostPriority;
import org.ferry.testbed.net.LinkShape;
import org.ferry.testbed.net.Testbed;
import org.ferry.testbed.net.TestbedArtefacts;
import org.ferry.testbed.net.TestbedLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real QEMU migrations between the testbed's sites. Needs root on Linux and what
 * scripts/testbed-setup.sh installs; skips (saying why) only when not root or not Linux. One
 * migration at a time: the machine has 2 cores.
 */
class QemuMigrationTest {

  private static final SiteId A = TestbedLayout.SITE_A;
  private static final SiteId B = TestbedLayout.SITE_B;
  private static final VnfId VM = VnfId.of("vm-test");
  private static final Duration DELAY_25_KM = Duration.ofNanos(135_000);

  private static Testbed testbed;
  private QemuVim vim;

  @BeforeAll
  static void upTestbed() {
    String why = Testbed.unsupportedReason().orElse(null);
    if (why != null) {
      System.out.println("QemuMigrationTest skipped: " + why);
    }
    assumeTrue(why == null, why);
    TestbedArtefacts.fromEnvironment().check();
    testbed = new Testbed(new TestbedLayout("ferry-q" + ProcessHandle.current().pid()),
        TestbedArtefacts.fromEnvironment());
    testbed.up();
  }

  @AfterAll
  static void downTestbed() {
    if (testbed != null) {
      testbed.down();
    }
  }

  @BeforeEach
  void newVim() {
    testbed.applyLink(LinkShape.of(DataRate.ofGbps(1), DELAY_25_KM));
    vim = new QemuVim(testbed.layout(), testbed.artefacts(),
        testbed.stateDir().resolve("qemu"), MigrationTuning.defaults());
  }

  @AfterEach
  void closeVim() {
    if (vim != null) {
      vim.close();
    }
  }

  private MigrationRequest request(SiteId to, MigrationApproach approach, DataRate rate) {
    return new MigrationRequest(vim.describe(VM, VnfKind.MME, Flavor.SMALL),
        QemuVim.placement(to), approach, new NetworkPath(rate, DELAY_25_KM));
  }

  private static GuestSpec guest(double dirtyMbps, long wssMib) {
    return new GuestSpec(1, 256, "10.0.0.80", "52:54:00:00:00:80", dirtyMbps, wssMib);
  }

  @Test
  void preCopyCompletesWithPhasesAndBytesAndTheGuestKeepsItsAddress() {
    vim.start(VM, guest(5, 64), A);
    AtomicReference<Placement> switched = new AtomicReference<>();
    MigrationOutcome outcome = vim.liveMigrate(
        request(B, MigrationApproach.PRE_COPY, DataRate.ofGbps(1)), switched::set);

    assertThat(switched.get()).as("switch-over told").isEqualTo(QemuVim.placement(B));
    assertThat(outcome.phases()).extracting(PhaseRecord::phase)
        .containsExactly(Phase.PRE_LIVE, Phase.LIVE, Phase.POST_LIVE);
    assertThat(outcome.phases()).allMatch(p -> p.source() == Provenance.MEASURED);
    PhaseRecord live = outcome.phases().get(1);
    assertThat(live.bytesMoved().bytes()).as("RAM sent in the live phase")
        .isGreaterThan(10_000_000L);
    assertThat(outcome.downtime().value()).isPositive().isLessThan(Duration.ofSeconds(2));
    assertThat(vim.locate(VM)).contains(QemuVim.placement(B));
    assertThat(vim.isRunning(VM)).isTrue();
    assertThat(vim.lastStats(VM).orElseThrow().qemuTotalTime()).isPositive();
    assertThat(pingFromRan("10.0.0.80")).as("the guest answers at site-b with its old IP").isTrue();
    assertThat(vim.fault(VM)).as("no kernel fault after the move").isEmpty();
    assertThat(ranNeighbourMac("10.0.0.80")).isEqualTo("52:54:00:00:00:80");
    String pid = CommandRunner.withDefaultTimeout()
        .run("pgrep", "-f", "-n", "qemu-system-x86_64 -name vm-test").strip();
    assertThat(CommandRunner.withDefaultTimeout().run("ps", "-o", "ni=", "-p", pid).strip())
        .as("the destination QEMU runs at a separate host's priority, above the controller")
        .isEqualTo(Integer.toString(HostPriority.NICE));
  }

  /**
   * Every page the guest's workload writes is checked at its next write (ferry-dirty), so a move
   * that loses a write shows on the console within one round (here about 1 s). QEMU 7.2 failed
   * this on every move; 9.0 fixed it.
   */
  @Test
  void backAndForthPreCopyMovesLoseNoGuestWrite() {
    vim.start(VM, guest(8, 8), A);
    SiteId to = B;
    for (int move = 1; move <= 3; move++) {
      vim.liveMigrate(request(to, MigrationApproach.PRE_COPY, DataRate.ofGbps(1)), p -> {});
      QmpClient.sleep(Duration.ofMillis(1500)); // a whole round: every page read back once
      assertThat(vim.fault(VM)).as("the guest's console after move " + move + " (to " + to + ")")
          .isEmpty();
      to = to.equals(B) ? A : B;
    }
  }

  @Test
  void postCopyResumesAtTheDestinationThenPullsTheRest() {
    vim.start(VM, guest(5, 64), A);
    AtomicReference<Placement> switched = new AtomicReference<>();
    MigrationOutcome outcome = vim.liveMigrate(
        request(B, MigrationApproach.POST_COPY, DataRate.ofGbps(1)), switched::set);

    assertThat(switched.get()).isEqualTo(QemuVim.placement(B));
    assertThat(outcome.approach()).isEqualTo(MigrationApproach.POST_COPY);
    assertThat(outcome.phases()).extracting(PhaseRecord::phase)
        .containsExactly(Phase.PRE_LIVE, Phase.LIVE, Phase.PAGE_PULL, Phase.POST_LIVE);
    MigrationStats stats = vim.lastStats(VM).orElseThrow();
    assertThat(stats.switchedToPostcopy()).isTrue();
    assertThat(stats.postcopyBytes()).as("pages pulled after the switch-over").isPositive();
    assertThat(outcome.phases().get(2).bytesMoved().bytes())
        .isGreaterThanOrEqualTo(stats.postcopyBytes());
    assertThat(vim.fault(VM)).isEmpty();
    assertThat(pingFromRan("10.0.0.80")).isTrue();
  }

  @Test
  void aCutDuringTheMoveLeavesTheGuestRunningAtTheSource() throws Exception {
    CompletableFuture<MigrationOutcome> move = slowMoveToB(Duration.ofMillis(1500));
    testbed.cutLink();

    assertThatThrownBy(move::join).cause().isInstanceOf(MigrationFailedException.class)
        .hasMessageContaining("no bytes moved")
        .satisfies(e -> assertThat(((MigrationFailedException) e).runningAtSource()).isTrue());
    assertThat(vim.locate(VM)).contains(QemuVim.placement(A));
    assertThat(vim.isRunning(VM)).isTrue();
    assertThat(pingFromRan("10.0.0.80")).as("site-a is this side of the cut").isTrue();
  }

  @Test
  void aDestinationThatDiesLeavesTheGuestRunningAtTheSource() throws Exception {
    CompletableFuture<MigrationOutcome> move = slowMoveToB(Duration.ofMillis(1500));
    String pid = CommandRunner.withDefaultTimeout()
        .run("pgrep", "-f", "-n", "qemu-system-x86_64 -name vm-test .*-incoming defer").strip();
    CommandRunner.withDefaultTimeout().run("kill", "-9", pid);

    assertThatThrownBy(move::join).cause().isInstanceOf(MigrationFailedException.class)
        .satisfies(e -> assertThat(((MigrationFailedException) e).runningAtSource()).isTrue());
    assertThat(vim.isRunning(VM)).isTrue();
    assertThat(vim.locate(VM)).contains(QemuVim.placement(A));
  }

  @Test
  void aGuestThatCannotConvergeIsAbortedWithAClearMessageUnderTheAbortPolicy() {
    vim.setTuning(MigrationTuning.defaults().withConvergence(ConvergencePolicy.ABORT, 4));
    testbed.applyLink(LinkShape.of(DataRate.ofMbps(200), DELAY_25_KM));
    vim.start(VM, guest(60, 96), A); // 60 MB/s dirtied, 25 MB/s carried

    assertThatThrownBy(() -> vim.liveMigrate(
            request(B, MigrationApproach.PRE_COPY, DataRate.ofMbps(200)), d -> {}))
        .isInstanceOf(MigrationFailedException.class)
        .hasMessageContaining("did not converge")
        .hasMessageContaining("policy: abort")
        .satisfies(e -> assertThat(((MigrationFailedException) e).runningAtSource()).isTrue());
    assertThat(vim.isRunning(VM)).isTrue();
    assertThat(vim.locate(VM)).contains(QemuVim.placement(A));
  }

  @Test
  void aGuestThatCannotConvergeSwitchesToPostCopyUnderThatPolicy() {
    vim.setTuning(MigrationTuning.defaults().withConvergence(ConvergencePolicy.POST_COPY_SWITCH, 4));
    testbed.applyLink(LinkShape.of(DataRate.ofMbps(200), DELAY_25_KM));
    vim.start(VM, guest(60, 96), A);

    MigrationOutcome outcome = vim.liveMigrate(
        request(B, MigrationApproach.PRE_COPY, DataRate.ofMbps(200)), d -> {});
    assertThat(outcome.approach()).isEqualTo(MigrationApproach.POST_COPY);
    assertThat(outcome.phases()).extracting(PhaseRecord::phase)
        .containsExactly(Phase.PRE_LIVE, Phase.LIVE, Phase.PAGE_PULL, Phase.POST_LIVE);
    assertThat(vim.lastStats(VM).orElseThrow().switchedToPostcopy()).isTrue();
    assertThat(vim.isRunning(VM)).isTrue();
    assertThat(vim.locate(VM)).contains(QemuVim.placement(B));
  }

  @Test
  void aPostCopyPagePullThatBreaksResumesWhenTheLinkReturns() throws Exception {
    CompletableFuture<MigrationOutcome> move = postCopyMoveCutAfterTheSwitchOver();
    Thread.sleep(5000); // the stall is seen after 3 s, and both ends paused
    assertThat(move).as("waiting for the link, not given up").isNotDone();
    testbed.applyLink(LinkShape.of(POST_COPY_RATE, DELAY_25_KM));

    MigrationOutcome outcome = move.get(60, TimeUnit.SECONDS);
    assertThat(outcome.approach()).isEqualTo(MigrationApproach.POST_COPY);
    MigrationStats stats = vim.lastStats(VM).orElseThrow();
    assertThat(stats.postcopyRecoveries()).isEqualTo(1);
    assertThat(vim.locate(VM)).contains(QemuVim.placement(B));
    assertThat(vim.isRunning(VM)).isTrue();
    assertThat(vim.fault(VM)).as("the guest's console after the resumed page pull").isEmpty();
    assertThat(pingFromRan("10.0.0.80")).as("the guest answers at site-b").isTrue();
  }

  @Test
  void aPostCopyBreakThatOutlastsTheRecoveryTimeLosesTheGuestAndSaysSo() throws Exception {
    vim.setTuning(MigrationTuning.defaults().withPostcopyRecovery(Duration.ofSeconds(2)));
    CompletableFuture<MigrationOutcome> move = postCopyMoveCutAfterTheSwitchOver();

    assertThatThrownBy(() -> move.get(60, TimeUnit.SECONDS)).cause()
        .isInstanceOf(MigrationFailedException.class)
        .hasMessageContaining("did not come back within 2 s")
        .hasMessageContaining("the guest is lost")
        .satisfies(e -> assertThat(((MigrationFailedException) e).runningAtSource()).isFalse());
    assertThat(vim.locate(VM)).isEmpty();
  }

  private static final DataRate POST_COPY_RATE = DataRate.ofMbps(300);

  /**
   * Starts a post-copy move to site B whose page pull takes several seconds (a 512 MiB guest
   * with 300 MiB touched, over 300 Mbit/s), and cuts the link half a second after the switch-over.
   */
  private CompletableFuture<MigrationOutcome> postCopyMoveCutAfterTheSwitchOver()
      throws InterruptedException {
    testbed.applyLink(LinkShape.of(POST_COPY_RATE, DELAY_25_KM));
    vim.start(VM, new GuestSpec(1, 512, "10.0.0.80", "52:54:00:00:00:80", 1, 300), A);
    CountDownLatch switched = new CountDownLatch(1);
    CompletableFuture<MigrationOutcome> move = CompletableFuture.supplyAsync(() ->
        vim.liveMigrate(request(B, MigrationApproach.POST_COPY, POST_COPY_RATE),
            p -> switched.countDown()));
    assertThat(switched.await(30, TimeUnit.SECONDS)).as("switched over").isTrue();
    Thread.sleep(500);
    assertThat(move).as("still pulling pages").isNotDone();
    testbed.cutLink();
    return move;
  }

  @Test
  void cancelStopsTheMoveAndTheGuestStaysAtTheSource() throws Exception {
    CompletableFuture<MigrationOutcome> move = slowMoveToB(Duration.ofMillis(1000));
    assertThat(vim.cancel(VM)).isTrue();
    assertThatThrownBy(move::join).cause().hasMessageContaining("cancelled on request");
    assertThat(vim.isRunning(VM)).isTrue();
    assertThat(vim.locate(VM)).contains(QemuVim.placement(A));
  }

  /**
   * Starts a pre-copy move to site B that takes several seconds (a 512 MiB guest with 200 MiB
   * touched, over 100 Mbit/s) and returns it {@code after} into its live phase, for a test to
   * disrupt.
   */
  private CompletableFuture<MigrationOutcome> slowMoveToB(Duration after)
      throws InterruptedException {
    testbed.applyLink(LinkShape.of(DataRate.ofMbps(100), DELAY_25_KM));
    vim.start(VM, new GuestSpec(1, 512, "10.0.0.80", "52:54:00:00:00:80", 1, 200), A);
    CompletableFuture<MigrationOutcome> move = CompletableFuture.supplyAsync(() ->
        vim.liveMigrate(request(B, MigrationApproach.PRE_COPY, DataRate.ofMbps(100)),
            d -> {}));
    Thread.sleep(after.toMillis());
    return move;
  }

  private boolean pingFromRan(String address) {
    return CommandRunner.withDefaultTimeout().attempt(List.of("ip", "netns", "exec",
        testbed.layout().ranNamespace(), "ping", "-n", "-q", "-c", "3", "-i", "0.2", "-W", "2",
        address)).exitCode() == 0;
  }

  private String ranNeighbourMac(String address) {
    String out = CommandRunner.withDefaultTimeout().run("ip", "-n",
        testbed.layout().ranNamespace(), "neigh", "show", address);
    String[] words = out.strip().split("\\s+");
    for (int i = 0; i < words.length - 1; i++) {
      if (words[i].equals("lladdr")) {
        return words[i + 1];
      }
    }
    return out;
  }

  @Test
  void anApplicationThatExitsAtStartFailsTheStartAtOnceAndSaysSo() {
    testbed.artefacts().checkGuestRuntime();
    GuestApplication app = new GuestApplication(List.of(GuestApplication.JAVA, "-jar",
        GuestApplication.inGuest("no-such.jar")), List.of(), java.util.Map.of(), "READY ");
    long started = System.nanoTime();
    assertThatThrownBy(() -> vim.start(VM, guest(0, 0).withApplication(app), A))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("its application exited")
        .hasMessageContaining("no-such.jar");
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("not the whole boot time-out").isLessThan(Duration.ofSeconds(60));
    assertThat(vim.locate(VM)).isEmpty();
  }
}
