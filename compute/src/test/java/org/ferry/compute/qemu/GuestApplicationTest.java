package org.ferry.compute.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuestApplicationTest {

  @TempDir Path dir;

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("ferry-epc.jar");
    assertThatThrownBy(() -> new GuestApplication(List.of(GuestApplication.JAVA, "-version"),
        List.of(missing), Map.of(), "READY "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
  }

  @Test
  void fileNamesMustBePlainAndNotTheRunScript() {
    for (String bad : List.of("../etc/passwd", "a/b", "run.sh", "", "..", ".")) {
      assertThatThrownBy(() -> new GuestApplication(List.of("true"), List.of(),
          Map.of(bad, "x"), "READY "))
          .as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("plain name");
    }
  }

  @Test
  void anEmptyCommandIsRefused() {
    assertThatThrownBy(() -> new GuestApplication(List.of(), List.of(), Map.of(), "READY "))
        .hasMessageContaining("needs a command");
  }

  @Test
  void aGuestSpecWithAnApplicationRunsNoDirtyingWorkload() throws Exception {
    Path jar = Files.writeString(dir.resolve("app.jar"), "x");
    GuestApplication app = new GuestApplication(List.of(GuestApplication.JAVA, "-jar",
        GuestApplication.inGuest("app.jar")), List.of(jar), Map.of("a.properties", "k=v"),
        "READY ");
    GuestSpec spec = new GuestSpec(1, 512, "10.0.0.41", "02:00:00:00:e0:29", 5, 64)
        .withApplication(app);
    assertThat(spec.application()).isEqualTo(app);
    assertThat(spec.dirtyMegabytesPerSecond()).isZero();
    assertThat(spec.workingSetMib()).isZero();
    assertThat(GuestApplication.inGuest("app.jar")).isEqualTo("/tmp/app/app.jar");
  }

  @Test
  void theApplicationsEndOnTheConsoleIsAFault() {
    assertThat(GuestLauncher.consoleFault("ferry-guest: up ip=10.0.0.41/24 app\nREADY {}\n"))
        .isEmpty();
    assertThat(GuestLauncher.consoleFault("READY {}\nferry-guest: application exited with 137\n"))
        .contains("ferry-guest: application exited with 137");
    assertThat(GuestLauncher.consoleFault("[ 1.0] BUG: unable to handle page fault"))
        .get().asString().startsWith("BUG:");
  }

  @Test
  void aLostWriteSeenByTheWorkloadIsAFault() {
    assertThat(GuestLauncher.consoleFault("ferry-dirty: 2048 pages, 1953 pages/s\n"
        + "ferry-dirty: LOST WRITE page 17 holds round 3, expected 4 (1 so far)\n"))
        .get().asString().startsWith("LOST WRITE page 17");
  }
}
