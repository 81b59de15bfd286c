package org.ferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --out DIR} is checked before the run, and a bad one is refused naming the cause. */
class OutDirectoryTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int ferry(String... args) {
    return FerryCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void aFileIsRefusedBeforeTheRun(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("passwd"), "root:x:0:0");
    assertThat(ferry("demo", "--out", file.toString())).isEqualTo(2);
    assertThat(out.toString()).as("nothing ran").isEmpty();
    assertThat(err.toString()).startsWith("ferry: Invalid value for option '--out': " + file
        + " is a file, not a directory");
  }

  @Test
  void aDirectoryUnderAFileIsRefusedNamingTheFile(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("notes"), "");
    assertThat(ferry("migrate", "--vnf", "MME", "--out", file.resolve("run").toString()))
        .isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).contains("--out").contains(file + " is a file");
  }

  @Test
  void missingParentsAreCreated(@TempDir Path dir) {
    Path nested = dir.resolve("a/b/run");
    assertThat(ferry("demo", "--out", nested.toString())).isZero();
    assertThat(nested.resolve("report.json")).exists();
  }

  @Test
  void theExperimentsAndTheBenchesOutAreCheckedToo(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("f"), "");
    for (String[] command : new String[][] {{"experiment"}, {"bench", "vm-migration"},
        {"bench", "container-migration"}}) {
      err.getBuffer().setLength(0);
      String[] args = Stream.concat(Arrays.stream(command),
          Stream.of("--out", file.toString())).toArray(String[]::new);
      assertThat(ferry(args)).as(String.join(" ", command)).isEqualTo(2);
      assertThat(err.toString()).contains("is a file, not a directory");
    }
  }
}
