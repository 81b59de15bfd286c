package org.ferry.epc.diameter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.ferry.epc.wire.MalformedMessageException;
import org.ferry.epc.wire.MalformedMessageException.Reason;
import org.junit.jupiter.api.Test;

class DiameterCodecTest {

  private static DiameterMessage air() {
    return new DiameterMessage(DiameterMessage.FLAG_R | DiameterMessage.FLAG_P,
        S6a.CMD_AUTHENTICATION_INFORMATION, S6a.APPLICATION_ID, 0x11223344, 0x55667788, List.of(
            Avp.utf8(S6a.SESSION_ID, "mme;1;x"),
            Avp.utf8(S6a.USER_NAME, "001010000000001"),
            Avp.vendor(S6a.VISITED_PLMN_ID, new byte[] {0x00, (byte) 0xf1, 0x10}),
            Avp.grouped(S6a.REQUESTED_EUTRAN_AUTHENTICATION_INFO, true,
                List.of(Avp.vendorU32(S6a.NUMBER_OF_REQUESTED_VECTORS, 1)))));
  }

  @Test
  void headerHasTheRfc6733Layout() {
    byte[] b = DiameterCodec.encode(air());
    ByteBuffer buf = ByteBuffer.wrap(b);

    assertThat(b[0]).isEqualTo((byte) 1);
    assertThat(buf.getInt(0) & 0xffffff).isEqualTo(b.length);
    assertThat(b[4] & 0xff).isEqualTo(0xc0); // R and P
    assertThat(buf.getInt(4) & 0xffffff).isEqualTo(318);
    assertThat(buf.getInt(8)).isEqualTo(16777251);
    assertThat(buf.getInt(12)).isEqualTo(0x11223344);
    assertThat(b.length % 4).isZero();
    // first AVP: Session-Id (263), M flag, length 8 + 7, padded to 16
    assertThat(buf.getInt(20)).isEqualTo(263);
    assertThat(b[24] & 0xff).isEqualTo(0x40);
    assertThat(buf.getInt(24) & 0xffffff).isEqualTo(15);
    assertThat(buf.getInt(20 + 16)).isEqualTo(1);
  }

  @Test
  void vendorAvpsCarry10415AndTheVFlag() throws Exception {
    DiameterMessage back = DiameterCodec.decode(DiameterCodec.encode(air()));
    Avp plmn = back.require(S6a.VISITED_PLMN_ID);

    assertThat(plmn.vendorId()).isEqualTo(10415);
    assertThat(plmn.flags() & Avp.FLAG_V).isNotZero();
    assertThat(back.require(S6a.REQUESTED_EUTRAN_AUTHENTICATION_INFO).members().get(0).u32())
        .isEqualTo(1);
    assertThat(back).usingRecursiveComparison().isEqualTo(air());
  }

  @Test
  void rejectsShortTruncatedAndWrongLengthInput() {
    byte[] good = DiameterCodec.encode(air());

    assertReason(Arrays.copyOf(good, 12), Reason.SHORT);
    assertReason(Arrays.copyOf(good, good.length - 4), Reason.TRUNCATED);
    byte[] longer = Arrays.copyOf(good, good.length + 4);
    assertReason(longer, Reason.BAD_LENGTH);
    byte[] v2 = good.clone();
    v2[0] = 2;
    assertReason(v2, Reason.BAD_VERSION);
    byte[] avpOverrun = good.clone();
    avpOverrun[20 + 7] = (byte) 0xf0; // Session-Id length 240
    assertReason(avpOverrun, Reason.TRUNCATED);
    byte[] avpTooSmall = good.clone();
    avpTooSmall[20 + 7] = 4;
    assertReason(avpTooSmall, Reason.BAD_LENGTH);
  }

  private static void assertReason(byte[] input, Reason reason) {
    assertThatThrownBy(() -> DiameterCodec.decode(input))
        .isInstanceOfSatisfying(MalformedMessageException.class,
            e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
