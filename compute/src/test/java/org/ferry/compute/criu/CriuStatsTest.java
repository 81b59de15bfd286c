package org.ferry.compute.criu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CriuStatsTest {

  // stats-dump and stats-restore as CRIU 4.2.1 wrote them for a small python process; its
  // --display-stats said: freezing 2384 us, frozen 387884 us, memdump 37116 us, memwrite 35161 us,
  // scanned 1876, written 1773, lazy 0; restore 286556 us, pages restored 1773
  private static final String DUMP = "4059105506330957270000000a2508d01210acd61718fca10220d99202"
      + "28d40e300038ed0d40004800500858086000680070 00".replace(" ", "");
  private static final String RESTORE = "40591055063309570f000000120d08001000180020dcbe1128ed0d";

  @Test
  void decodesDumpStatistics() {
    var fields = CriuStats.parse(HexFormat.of().parseHex(DUMP), 1).orElseThrow();
    assertThat(fields).containsEntry(1, 2384L).containsEntry(2, 387884L)
        .containsEntry(3, 37116L).containsEntry(4, 35161L).containsEntry(5, 1876L)
        .containsEntry(7, 1773L).containsEntry(9, 0L);
  }

  @Test
  void decodesRestoreStatistics() {
    var fields = CriuStats.parse(HexFormat.of().parseHex(RESTORE), 2).orElseThrow();
    assertThat(fields).containsEntry(4, 286556L).containsEntry(5, 1773L);
  }

  @Test
  void aTruncatedOrForeignFileGivesNothing() {
    assertThat(CriuStats.parse(new byte[] {1, 2, 3}, 1)).isEmpty();
    assertThat(CriuStats.parse(HexFormat.of().parseHex(RESTORE), 1)).isEmpty();
  }

  @Test
  void turnsMicrosecondsIntoDurations(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Files.write(dir.resolve("stats-dump"), HexFormat.of().parseHex(DUMP));
    CriuStats.Dump dump = CriuStats.readDump(dir).orElseThrow();
    assertThat(dump.frozen()).isEqualTo(Duration.ofNanos(387_884_000));
    assertThat(dump.bytesWritten()).isEqualTo(1773L * 4096);
    assertThat(CriuStats.readRestore(dir)).isEmpty();
  }
}
