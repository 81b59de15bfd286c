package org.ferry.epc.nas;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * EPS AKA (TS 33.401 §6.1) with the same inputs and outputs as the real one: the HSS makes a
 * vector (RAND 16, XRES 8, AUTN 16 = SQN⊕AK 6 ‖ AMF 2 ‖ MAC 8, KASME 32) from the subscriber key K
 * and a sequence number; the UE checks AUTN and answers RES. The functions f1-f5 are HMAC-SHA-256
 * with a label rather than Milenage (TS 35.206), which is enough for a stand-in: a wrong key or a
 * tampered vector still fails.
 */
public final class Aka {
  /** AMF with the "separation bit" set, as EPS requires. */
  public static final byte[] AMF = {(byte) 0x80, 0x00};

  private Aka() {}

  /**
   * An authentication vector.
   *
   * @param rand 16 random bytes
   * @param xres the expected response, 8 bytes
   * @param autn the authentication token, 16 bytes
   * @param kasme the access security management key, 32 bytes
   */
  public record Vector(byte[] rand, byte[] xres, byte[] autn, byte[] kasme) {}

  /** @return the test key of {@code imsi}: stand-in SIMs, provisioned in HSS and probe alike */
  public static byte[] testKey(String imsi) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      return Arrays.copyOf(d.digest(("ferry-test-k:" + imsi).getBytes(StandardCharsets.UTF_8)), 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The HSS side.
   *
   * @param k the subscriber key, 16 bytes
   * @param sqn the sequence number (48 bits used)
   * @param rand 16 random bytes
   * @return the vector
   */
  public static Vector vector(byte[] k, long sqn, byte[] rand) {
    byte[] sqnBytes = Arrays.copyOfRange(ByteBuffer.allocate(8).putLong(sqn).array(), 2, 8);
    byte[] ak = Arrays.copyOf(f(k, "ak", rand), 6);
    byte[] concealed = xor(sqnBytes, ak);
    byte[] mac = Arrays.copyOf(f(k, "mac", concat(rand, sqnBytes, AMF)), 8);
    byte[] autn = concat(concealed, AMF, mac);
    return new Vector(rand.clone(), response(k, rand), autn, f(k, "kasme", concat(rand, concealed)));
  }

  /** @return RES (the UE) or XRES (the HSS) for {@code rand}, 8 bytes */
  public static byte[] response(byte[] k, byte[] rand) {
    return Arrays.copyOf(f(k, "res", rand), 8);
  }

  /**
   * The UE side: checks that AUTN came from a network that knows K.
   *
   * @return whether the MAC in {@code autn} is right for {@code k} and {@code rand}
   */
  public static boolean networkAuthentic(byte[] k, byte[] rand, byte[] autn) {
    if (autn.length != 16 || rand.length != 16) {
      return false;
    }
    byte[] ak = Arrays.copyOf(f(k, "ak", rand), 6);
    byte[] sqn = xor(Arrays.copyOf(autn, 6), ak);
    byte[] mac = Arrays.copyOf(f(k, "mac", concat(rand, sqn, Arrays.copyOfRange(autn, 6, 8))), 8);
    return MessageDigest.isEqual(mac, Arrays.copyOfRange(autn, 8, 16));
  }

  private static byte[] f(byte[] k, String label, byte[] input) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(k, "HmacSHA256"));
      mac.update(label.getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] xor(byte[] a, byte[] b) {
    byte[] r = new byte[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = (byte) (a[i] ^ b[i]);
    }
    return r;
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    ByteBuffer b = ByteBuffer.allocate(n);
    for (byte[] p : parts) {
      b.put(p);
    }
    return b.array();
  }
}
