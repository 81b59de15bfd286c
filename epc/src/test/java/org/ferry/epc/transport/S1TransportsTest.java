package org.ferry.epc.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.EOFException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class S1TransportsTest {

  @Test
  void autoFallsBackToTcpWhereTheKernelHasNoSctp() {
    assumeTrue(S1Transports.sctpMissing() != null, "this machine has SCTP");

    assertThat(S1Transports.forName("auto")).isInstanceOf(TcpS1Transport.class);
    assertThatThrownBy(() -> S1Transports.forName("sctp"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no SCTP");
  }

  @Test
  void unknownTransportNamesAreRefused() {
    assertThatThrownBy(() -> S1Transports.forName("quic"))
        .hasMessageContaining("auto, sctp or tcp");
  }

  @Test
  void tcpKeepsPduBoundariesAndReportsTheClose() throws Exception {
    TcpS1Transport tcp = new TcpS1Transport();
    try (S1Listener l = tcp.listen(new InetSocketAddress("127.0.0.1", 0));
        S1Association gnb = tcp.connect(l.address(), Duration.ofSeconds(2));
        S1Association mme = l.accept()) {
      gnb.send(new byte[] {1, 2, 3});
      gnb.send(new byte[] {4});
      assertThat(mme.receive()).containsExactly(1, 2, 3);
      assertThat(mme.receive()).containsExactly(4);
      gnb.close();
      assertThatThrownBy(mme::receive).isInstanceOf(EOFException.class);
    }
  }
}
