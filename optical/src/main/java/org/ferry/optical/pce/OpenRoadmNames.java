package org.ferry.optical.pce;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Ferry's ids map to OpenROADM names, in the emulator and in the client alike:
 * <ul>
 *   <li>a site is a CLLI ({@code clli = site id});
 *   <li>a ROADM device is a node-id in openroadm-network; its degree {@code n} and SRG {@code m}
 *       are the openroadm-topology nodes {@code <roadm>-DEGn} and {@code <roadm>-SRGm};
 *   <li>an xponder device is a node-id (the {@code node-id} of a service end); its line side is
 *       the openroadm-topology node {@code <xponder>-XPDR1} with network port
 *       {@code XPDR1-NETWORK1};
 *   <li>a fibre is the pair of ROADM-TO-ROADM links between two degrees' {@code DEGn-TTP-TXRX}
 *       ports, {@code <roadm>-DEGn-DEGn-TTP-TXRXto<roadm>-DEGk-DEGk-TTP-TXRX}, one each way.
 * </ul>
 */
public final class OpenRoadmNames {

  public static final String NETWORK_TP = "XPDR1-NETWORK1";
  public static final String CLIENT_TP = "XPDR1-CLIENT1";
  private static final Pattern XPONDER_TP = Pattern.compile("^XPDR1-(NETWORK|CLIENT)(\\d+)$");

  private static final Pattern R2R =
      Pattern.compile("^(.+)-DEG(\\d+)-DEG\\2-TTP-TXRXto(.+)-DEG(\\d+)-DEG\\4-TTP-TXRX$");

  private OpenRoadmNames() {}

  public static String xponderNode(String xponder) {
    return xponder + "-XPDR1";
  }

  /** Network port {@code n} of an xponder's openroadm-topology node, {@code XPDR1-NETWORKn}. */
  public static String networkTp(int n) {
    return "XPDR1-NETWORK" + n;
  }

  /** Client port {@code n}, {@code XPDR1-CLIENTn}. */
  public static String clientTp(int n) {
    return "XPDR1-CLIENT" + n;
  }

  /**
   * The number of an xponder port named as TransportPCE names them in openroadm-topology.
   *
   * @return {@code [1, n]} for XPDR1-NETWORKn, {@code [0, n]} for XPDR1-CLIENTn, empty otherwise
   */
  public static Optional<int[]> parseXponderTp(String tp) {
    Matcher m = XPONDER_TP.matcher(tp);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new int[] {m.group(1).equals("NETWORK") ? 1 : 0,
        Integer.parseInt(m.group(2))});
  }

  public static String degreeTtp(int degree) {
    return "DEG" + degree + "-TTP-TXRX";
  }

  public static String degreeCtp(int degree) {
    return "DEG" + degree + "-CTP-TXRX";
  }

  public static String srgNode(String roadm, int srg) {
    return roadm + "-SRG" + srg;
  }

  public static String srgPp(int srg, int pp) {
    return "SRG" + srg + "-PP" + pp + "-TXRX";
  }

  public static String srgCp(int srg) {
    return "SRG" + srg + "-CP-TXRX";
  }

  /** A link id as TransportPCE writes them: {@code <srcNode>-<srcTp>to<dstNode>-<dstTp>}. */
  public static String linkId(String srcNode, String srcTp, String dstNode, String dstTp) {
    return srcNode + "-" + srcTp + "to" + dstNode + "-" + dstTp;
  }

  /** The ROADM-TO-ROADM link from one degree to another. */
  public static String roadmToRoadm(OpticalNetwork.End from, OpticalNetwork.End to) {
    return linkId(from.degreeNode(), degreeTtp(from.degree()), to.degreeNode(),
        degreeTtp(to.degree()));
  }

  /** The two degrees of a ROADM-TO-ROADM link id, source first, if it is one. */
  public static Optional<OpticalNetwork.End[]> parseRoadmToRoadm(String linkId) {
    Matcher m = R2R.matcher(linkId);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new OpticalNetwork.End[] {
      new OpticalNetwork.End(m.group(1), Integer.parseInt(m.group(2))),
      new OpticalNetwork.End(m.group(3), Integer.parseInt(m.group(4)))});
  }
}
