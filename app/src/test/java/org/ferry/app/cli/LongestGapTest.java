package org.ferry.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LongestGapTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theLongestGapOfAnyUeIsPlacedInSecondsSinceTheCut() throws Exception {
    Instant cut = Instant.ofEpochMilli(1_000_000);
    // gaps are [ended at (epoch ms), length (ms)]
    var report = JSON.readTree("""
        {"ues": [
          {"gaps": [[1010000, 120]]},
          {"gaps": [[1012500, 480], [1013000, 60]]},
          {"gaps": []}
        ]}""");
    assertThat(TestbedDemo.longestGapBegan(report, cut)).isEqualTo("12.020");
  }

  @Test
  void noGapGivesNothing() throws Exception {
    assertThat(TestbedDemo.longestGapBegan(JSON.readTree("{\"ues\": [{\"gaps\": []}]}"),
        Instant.EPOCH)).isEmpty();
  }
}
