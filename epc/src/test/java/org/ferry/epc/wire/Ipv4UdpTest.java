package org.ferry.epc.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import org.ferry.epc.wire.MalformedMessageException.Reason;
import org.junit.jupiter.api.Test;

class Ipv4UdpTest {

  private static Ipv4Udp packet() throws Exception {
    return new Ipv4Udp((Inet4Address) InetAddress.getByName("45.45.0.1"), 5000,
        (Inet4Address) InetAddress.getByName("127.0.0.1"), 7777, "hello".getBytes());
  }

  @Test
  void roundTripsWithValidChecksums() throws Exception {
    byte[] bytes = packet().encode();

    assertThat(bytes).hasSize(28 + 5);
    assertThat(bytes[0]).isEqualTo((byte) 0x45);
    assertThat(Ipv4Udp.checksum(bytes, 0, 20, 0)).isZero();
    Ipv4Udp back = Ipv4Udp.decode(bytes);
    assertThat(back.source().getHostAddress()).isEqualTo("45.45.0.1");
    assertThat(back.destinationPort()).isEqualTo(7777);
    assertThat(back.payload()).isEqualTo("hello".getBytes());
  }

  @Test
  void knownHeaderChecksum() throws Exception {
    // RFC 1071 style check against a header computed by hand: 45 00 00 21 0000 4000 40 11 ....
    byte[] bytes = packet().encode();
    int sum = ((bytes[10] & 0xff) << 8) | (bytes[11] & 0xff);
    bytes[10] = 0;
    bytes[11] = 0;
    assertThat(Ipv4Udp.checksum(bytes, 0, 20, 0)).isEqualTo(sum);
  }

  @Test
  void rejectsShortTruncatedAndCorruptPackets() throws Exception {
    byte[] good = packet().encode();

    assertThatThrownBy(() -> Ipv4Udp.decode(Arrays.copyOf(good, 10)))
        .isInstanceOfSatisfying(MalformedMessageException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.SHORT));
    assertThatThrownBy(() -> Ipv4Udp.decode(Arrays.copyOf(good, good.length - 1)))
        .isInstanceOfSatisfying(MalformedMessageException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.BAD_LENGTH));
    byte[] corrupt = good.clone();
    corrupt[good.length - 1] ^= 1;
    assertThatThrownBy(() -> Ipv4Udp.decode(corrupt))
        .isInstanceOfSatisfying(MalformedMessageException.class,
            e -> assertThat(e.getMessage()).contains("UDP checksum"));
    byte[] v6 = good.clone();
    v6[0] = 0x65;
    assertThatThrownBy(() -> Ipv4Udp.decode(v6))
        .isInstanceOfSatisfying(MalformedMessageException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.BAD_VERSION));
  }
}
