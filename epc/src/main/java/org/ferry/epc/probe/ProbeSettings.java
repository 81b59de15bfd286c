package org.ferry.epc.probe;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * What a probe run does.
 *
 * @param mme the MME's S1 address
 * @param gtpu the gNB's GTP-U address to bind (port 0: any free port)
 * @param internetHost the echo server behind the SPGW
 * @param ues how many UEs to attach (default 10)
 * @param firstImsi the first UE's IMSI; the others follow
 * @param interval between two echoes of one UE (default 10 ms)
 * @param reattachAfter a UE with no answer for this long attaches again, as a real UE whose
 *     bearer is gone would (default 30 s, above the 5-10 s service recovery of a VM move behind
 *     OpenVPN, so that a slow move shows as a long gap rather than a re-attach)
 * @param enbId the gNB's Global eNB ID
 */
public record ProbeSettings(
    InetSocketAddress mme, InetSocketAddress gtpu, InetSocketAddress internetHost, int ues,
    String firstImsi, Duration interval, Duration reattachAfter, String enbId) {

  /** The first test IMSI (PLMN 001/01), as the HSS provisions by default. */
  public static final String FIRST_IMSI = "001010000000001";

  /** @throws IllegalArgumentException on a non-positive count or interval */
  public ProbeSettings {
    if (ues < 1 || ues > 10_000) {
      throw new IllegalArgumentException("UE count " + ues + " is not in 1..10000");
    }
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval " + interval + " is not positive");
    }
  }
}
