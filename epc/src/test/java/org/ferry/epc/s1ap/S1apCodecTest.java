package org.ferry.epc.s1ap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import org.ferry.epc.nas.Aka;
import org.ferry.epc.nas.NasMessage;
import org.ferry.epc.wire.MalformedMessageException;
import org.ferry.epc.wire.MalformedMessageException.Reason;
import org.junit.jupiter.api.Test;

class S1apCodecTest {

  private static S1apPdu initialUeMessage() {
    return new S1apPdu(S1apPdu.Type.INITIATING, S1apPdu.INITIAL_UE_MESSAGE, List.of(
        S1apPdu.Ie.u32(S1apPdu.IE_ENB_UE_S1AP_ID, 7),
        new S1apPdu.Ie(S1apPdu.IE_NAS_PDU,
            NasMessage.of(NasMessage.ATTACH_REQUEST, "001010000000001".getBytes()).encode())));
  }

  @Test
  void roundTripsWithTheTs36413Codes() throws Exception {
    byte[] b = S1apCodec.encode(initialUeMessage());
    S1apPdu back = S1apCodec.decode(b);

    assertThat(b[1]).isEqualTo((byte) 12);
    assertThat(back.procedureCode()).isEqualTo(S1apPdu.INITIAL_UE_MESSAGE);
    assertThat(back.require(S1apPdu.IE_ENB_UE_S1AP_ID).u32()).isEqualTo(7);
    NasMessage nas = NasMessage.decode(back.require(S1apPdu.IE_NAS_PDU).value());
    assertThat(nas.type()).isEqualTo(0x41);
    assertThat(new String(nas.field(0))).isEqualTo("001010000000001");
  }

  @Test
  void erabItemRoundTrips() throws Exception {
    ErabItem item = new ErabItem(5, (Inet4Address) InetAddress.getByName("10.0.0.2"), 0x10001, 2152);
    assertThat(ErabItem.decode(item.encode())).isEqualTo(item);
    assertThatThrownBy(() -> ErabItem.decode(new byte[5]))
        .isInstanceOf(MalformedMessageException.class);
  }

  @Test
  void rejectsShortTruncatedAndWrongCountInput() {
    byte[] good = S1apCodec.encode(initialUeMessage());

    assertReason(Arrays.copyOf(good, 3), Reason.SHORT);
    assertReason(Arrays.copyOf(good, good.length - 2), Reason.TRUNCATED);
    assertReason(Arrays.copyOf(good, good.length + 1), Reason.BAD_LENGTH);
    byte[] moreIes = good.clone();
    moreIes[4] = 9;
    assertReason(moreIes, Reason.TRUNCATED);
    byte[] badType = good.clone();
    badType[0] = 7;
    assertReason(badType, Reason.BAD_VALUE);
  }

  @Test
  void nasRejectsOverrunsAndOtherProtocols() {
    assertThatThrownBy(() -> NasMessage.decode(new byte[] {0x07, 0x41, 9, 1}))
        .isInstanceOf(MalformedMessageException.class);
    assertThatThrownBy(() -> NasMessage.decode(new byte[] {0x02, 0x41}))
        .isInstanceOf(MalformedMessageException.class);
  }

  @Test
  void akaVectorVerifiesOnlyWithTheRightKey() {
    byte[] k = Aka.testKey("001010000000001");
    byte[] rand = new byte[16];
    rand[3] = 9;
    Aka.Vector v = Aka.vector(k, 32, rand);

    assertThat(v.autn()).hasSize(16);
    assertThat(v.kasme()).hasSize(32);
    assertThat(Aka.networkAuthentic(k, rand, v.autn())).isTrue();
    assertThat(Aka.response(k, rand)).isEqualTo(v.xres());
    assertThat(Aka.networkAuthentic(Aka.testKey("001010000000002"), rand, v.autn())).isFalse();
  }

  private static void assertReason(byte[] input, Reason reason) {
    assertThatThrownBy(() -> S1apCodec.decode(input))
        .isInstanceOfSatisfying(MalformedMessageException.class,
            e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
