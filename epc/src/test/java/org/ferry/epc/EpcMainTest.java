package org.ferry.epc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EpcMainTest {

  @Test
  void badUsageExitsWithTwo() {
    assertThat(EpcMain.run(new String[0])).isEqualTo(2);
    assertThat(EpcMain.run(new String[] {"pgw"})).isEqualTo(2);
    assertThat(EpcMain.run(new String[] {"hss", "listen"})).isEqualTo(2);
    assertThat(EpcMain.run(new String[] {"tunnel-state", "dump"})).isEqualTo(2);
    assertThat(EpcMain.run(new String[] {"probe", "--ues", "many"})).isEqualTo(2);
    assertThat(EpcMain.run(new String[] {"mme", "--s1-transport", "quic"})).isEqualTo(2);
  }

  @Test
  void anUnreachableSpgwFailsTheToolWithOne() {
    assertThat(EpcMain.run(new String[] {"tunnel-state", "show", "--control", "127.0.0.1:1"}))
        .isEqualTo(1);
  }
}
