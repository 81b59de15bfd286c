package org.ferry.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.ferry.app.FerryCli;
import org.junit.jupiter.api.Test;

/** The servers' listen address: a bad or foreign one is named as such, a taken port too. */
class ListenHostTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int ferry(String... args) {
    return FerryCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void anAddressThatIsNoneIsSaidToBeInvalid() {
    assertThat(ferry("optical-emulator", "--host", "256.1.1.1")).isEqualTo(2);
    assertThat(err.toString()).startsWith("ferry: --host: '256.1.1.1' is not a valid address")
        .doesNotContain("Port already in use").doesNotContain("internal error");
  }

  @Test
  void anotherMachinesAddressIsSaidToBeForeign() {
    // 192.0.2.0/24 is TEST-NET-1: documentation only, no machine's.
    assertThat(ferry("server", "--listen", "192.0.2.7:0")).isEqualTo(2);
    assertThat(err.toString()).contains("--listen: 192.0.2.7 is not an address of this machine");
  }

  @Test
  void aTakenPortIsSaidToBeInUse() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThat(ferry("optical-emulator", "--host", "127.0.0.1", "--port",
          Integer.toString(taken.getLocalPort()))).isEqualTo(1);
    }
    assertThat(err.toString()).contains("the port is in use").doesNotContain("internal error");
  }
}
