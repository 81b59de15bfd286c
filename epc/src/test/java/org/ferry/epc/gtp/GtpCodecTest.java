package org.ferry.epc.gtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.ferry.epc.wire.MalformedMessageException;
import org.ferry.epc.wire.MalformedMessageException.Reason;
import org.junit.jupiter.api.Test;

class GtpCodecTest {

  private static GtpV2Message createSession() throws Exception {
    return new GtpV2Message(GtpV2Message.CREATE_SESSION_REQUEST, 0, 0x123456, List.of(
        new GtpV2Ie(GtpV2Ie.IMSI, 0, GtpV2Codec.tbcd("001010000000001")),
        new FTeid(FTeid.S11_MME, 0x1000, (Inet4Address) InetAddress.getByName("10.0.0.2")).toIe(0),
        GtpV2Ie.grouped(GtpV2Ie.BEARER_CONTEXT, List.of(GtpV2Ie.u8(GtpV2Ie.EBI, 5)))));
  }

  @Test
  void gtpv2HeaderHasVersionTFlagTeidAndSequence() throws Exception {
    byte[] b = GtpV2Codec.encode(createSession());
    ByteBuffer buf = ByteBuffer.wrap(b);

    assertThat(b[0] & 0xff).isEqualTo(0x48); // version 2, T
    assertThat(b[1] & 0xff).isEqualTo(32);
    assertThat(buf.getShort(2) & 0xffff).isEqualTo(b.length - 4);
    assertThat(buf.getInt(4)).isZero();
    assertThat(buf.getInt(8) >>> 8).isEqualTo(0x123456);
    assertThat(b[12] & 0xff).isEqualTo(1); // IMSI IE first
    assertThat(b[16] & 0xff).isEqualTo(0x00); // TBCD 0,0
    assertThat(b[16 + 7] & 0xff).isEqualTo(0xf1); // odd digit count, filler F
  }

  @Test
  void gtpv2RoundTripsWithGroupedIes() throws Exception {
    GtpV2Message back = GtpV2Codec.decode(GtpV2Codec.encode(createSession()));

    assertThat(GtpV2Codec.digits(back.require(GtpV2Ie.IMSI, 0).value())).isEqualTo("001010000000001");
    FTeid f = FTeid.of(back.require(GtpV2Ie.F_TEID, 0));
    assertThat(f.interfaceType()).isEqualTo(FTeid.S11_MME);
    assertThat(f.teid()).isEqualTo(0x1000);
    assertThat(back.require(GtpV2Ie.BEARER_CONTEXT, 0).members().get(0).u8()).isEqualTo(5);
  }

  @Test
  void gtpv2RejectsShortTruncatedWrongLengthAndVersion() throws Exception {
    byte[] good = GtpV2Codec.encode(createSession());

    assertV2(Arrays.copyOf(good, 6), Reason.SHORT);
    assertV2(Arrays.copyOf(good, good.length - 1), Reason.TRUNCATED);
    assertV2(Arrays.copyOf(good, good.length + 3), Reason.BAD_LENGTH);
    byte[] v1 = good.clone();
    v1[0] = 0x28;
    assertV2(v1, Reason.BAD_VERSION);
    byte[] ieOverrun = good.clone();
    ieOverrun[14] = 0x7f; // IMSI IE length
    assertV2(ieOverrun, Reason.TRUNCATED);
  }

  @Test
  void gtpuGpduHasTheTs29281Header() throws Exception {
    byte[] b = GtpUCodec.encode(GtpUPacket.gpdu(0xdeadbeefL, new byte[] {1, 2, 3}));

    assertThat(b).startsWith(0x30, 0xff, 0x00, 0x03, 0xde, 0xad, 0xbe, 0xef);
    GtpUPacket back = GtpUCodec.decode(b);
    assertThat(back.teid()).isEqualTo(0xdeadbeefL);
    assertThat(back.payload()).containsExactly(1, 2, 3);
  }

  @Test
  void gtpuEchoCarriesTheSequenceAndSkipsExtensionHeaders() throws Exception {
    GtpUPacket echo = GtpUCodec.decode(GtpUCodec.encode(new GtpUPacket(1, 0, 77, new byte[0])));
    assertThat(echo.sequence()).isEqualTo(77);

    // E flag, one extension header (PDCP PDU number, type 0xC0) of one 4-octet unit, then payload
    byte[] withExt = {0x34, (byte) 0xff, 0, 9, 0, 0, 0, 1, 0, 0, 0, (byte) 0xc0, 1, 0, 0, 0, 42};
    GtpUPacket g = GtpUCodec.decode(withExt);
    assertThat(g.payload()).containsExactly(42);
  }

  @Test
  void gtpuRejectsShortTruncatedWrongLengthAndVersion() {
    byte[] good = GtpUCodec.encode(GtpUPacket.gpdu(5, new byte[] {1, 2, 3, 4}));

    assertU(Arrays.copyOf(good, 7), Reason.SHORT);
    assertU(Arrays.copyOf(good, good.length - 1), Reason.TRUNCATED);
    assertU(Arrays.copyOf(good, good.length + 1), Reason.BAD_LENGTH);
    byte[] v2 = good.clone();
    v2[0] = 0x50;
    assertU(v2, Reason.BAD_VERSION);
    byte[] badExt = {0x34, (byte) 0xff, 0, 5, 0, 0, 0, 1, 0, 0, 0, (byte) 0xc0, 0};
    assertU(badExt, Reason.BAD_LENGTH);
  }

  private static void assertV2(byte[] input, Reason reason) {
    assertThatThrownBy(() -> GtpV2Codec.decode(input))
        .isInstanceOfSatisfying(MalformedMessageException.class,
            e -> assertThat(e.reason()).isEqualTo(reason));
  }

  private static void assertU(byte[] input, Reason reason) {
    assertThatThrownBy(() -> GtpUCodec.decode(input))
        .isInstanceOfSatisfying(MalformedMessageException.class,
            e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
