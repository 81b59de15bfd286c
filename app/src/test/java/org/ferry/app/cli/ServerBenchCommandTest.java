package org.ferry.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.ferry.app.FerryCli;
import org.junit.jupiter.api.Test;

/**
 * {@code ferry bench server}: each part, at a tiny size, prints its figure lines and exits 0.
 * Nothing here asserts a time: the machine running the tests is shared.
 */
class ServerBenchCommandTest {

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] full = new String[args.length + 2];
    full[0] = "bench";
    full[1] = "server";
    System.arraycopy(args, 0, full, 2, args.length);
    int exit = FerryCli.run(new PrintWriter(out, true), new PrintWriter(err, true), full);
    assertThat(exit).as("exit code; stderr: %s", err).isZero();
    return out.toString();
  }

  @Test
  void theDecisionPartPrintsItsPercentiles() {
    assertThat(run("--part", "decision", "--runs", "2"))
        .contains("noisy")
        .containsPattern("decision latency .*p50 .* ms, p95 .* ms, p99 .*target p95 <= 100 ms:"
            + " (met|MISSED)");
  }

  @Test
  void theReadersPartPrintsLatencyCountAndErrors() {
    assertThat(run("--part", "readers", "--clients", "5", "--requests", "4"))
        .containsPattern("readers: 5 clients, \\d+ requests in .* errors \\d+")
        .containsPattern("readers latency .*p99 .*target p99 <= 50 ms, no errors: (met|MISSED)");
  }

  @Test
  void theMovesPartChecksEveryMoveAndPrintsParallelism() {
    assertThat(run("--part", "moves", "--moves", "3"))
        .contains("moves: 3 planned moves, 3 relocated")
        .contains("VNFs moved twice: 0")
        .contains("spectrum slots given twice: 0")
        .containsPattern("wall time .* ms for all 3, at most \\d RUNNING at once.*: met");
  }

  @Test
  void theScalePartPrintsPlanAndRunTimesPerSize() {
    assertThat(run("--part", "scale", "--max-vnfs", "10"))
        .containsPattern("scale +10 VNFs over +5 compute sites, +2 affected: fault -> plan .* ms,"
            + " whole run .* ms \\(RELOCATED, 2 moved\\)")
        .contains("where the time goes");
  }

  @Test
  void theStorePartPrintsEachStoreSideBySideWithAVerdict() {
    assertThat(run("--part", "store", "--store-runs", "2"))
        .containsPattern("in-memory +[0-9.]+ ms +[0-9.]+ ms +\\d+")
        .containsPattern("h2 file +[0-9.]+ ms +[0-9.]+ ms +\\d+ +[-+][0-9.]+ % / [-+][0-9.]+ %")
        .containsPattern("store journaling .*: (met|MISSED)");
  }

  @Test
  void anUnknownPartIsRefused() {
    StringWriter err = new StringWriter();
    assertThat(FerryCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
        "bench", "server", "--part", "everything")).isEqualTo(2);
    assertThat(err.toString()).contains("--part");
  }
}
