package org.ferry.model.vnf;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ferry.model.unit.DataRate;

/**
 * A kind of network function, and what Ferry needs to know about it to plan and predict a move.
 * A value, not a closed list: the 4G EPC's {@link #HSS}, {@link #MME} and {@link #SPGW} ship with
 * the reference study's figures, and an inventory may declare others (a 5G AMF, SMF or UPF, say)
 * with their own figures or the defaults of {@link #declared(String, boolean)}.
 *
 * <p>Two kinds are equal when all their figures are; look a kind up by name with {@link
 * #parse(String, List)}.
 *
 * @param name the upper-case name ("HSS", "AMF"), letters, digits and '-'
 * @param userPlane whether attached UEs' user-plane traffic runs through it (the probe then counts
 *     its UEs, and the model adds the user plane's dirtying)
 * @param moveOrder where it goes in a relocation: lower moves first; the user plane first, so its
 *     UEs are back soonest, then the functions that depend on others
 * @param state the state a move has to carry, as the prediction reads it
 */
public record VnfKind(String name, boolean userPlane, int moveOrder, StateFigures state) {

  /** Home Subscriber Server: the subscriber database; S6a (Diameter over TCP) to the MME. */
  public static final VnfKind HSS = new VnfKind("HSS", false, 2,
      StateFigures.measured(3470, 3680, 173, 173, DataRate.ofMbps(40), 2));
  /** Mobility Management Entity: UE contexts; S1-MME to the gNB, S6a to HSS, GTP-C to SPGW. */
  public static final VnfKind MME = new VnfKind("MME", false, 1,
      StateFigures.measured(3530, 4160, 42, 42.3, DataRate.ofMbps(40), 1));
  /** Serving and Packet Gateway: the user plane, GTP-U tunnels per UE, NAT toward the Internet. */
  public static final VnfKind SPGW = new VnfKind("SPGW", true, 0,
      StateFigures.measured(3530, 3870, 100, 100, DataRate.ofMbps(200), 1));

  private static final List<VnfKind> SHIPPED = List.of(HSS, MME, SPGW);

  public VnfKind {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(state, "state");
    if (!name.matches("[A-Z][A-Z0-9-]{0,31}")) {
      throw new IllegalArgumentException("a VNF kind's name is upper-case letters, digits and"
          + " '-', starting with a letter, at most 32 characters, got '" + name + "'");
    }
    if (moveOrder < 0) {
      throw new IllegalArgumentException("move order of " + name + " must be 0 or more, got "
          + moveOrder);
    }
  }

  /**
   * A kind with no measured figures: its state is derived from the flavor's memory (see {@code
   * VnfStateProfile.reference}), it dirties memory at 200 Mb/s if it carries the user plane and
   * 40 Mb/s if not (the reference SPGW's and MME's rates), runs one process, and moves with the
   * user plane (order 0) or after it (order 1).
   *
   * @param name the name, in any case ("amf" becomes "AMF")
   */
  public static VnfKind declared(String name, boolean userPlane) {
    DataRate dirty = DataRate.ofMbps(userPlane ? 200 : 40);
    return new VnfKind(name.trim().toUpperCase(Locale.ROOT), userPlane, userPlane ? 0 : 1,
        StateFigures.derived(dirty, 1));
  }

  /** The kinds Ferry ships: HSS, MME, SPGW, in that order. */
  public static List<VnfKind> shipped() {
    return SHIPPED;
  }

  /** Parses "HSS", "mme", ... among the shipped kinds, with an error that lists them. */
  public static VnfKind parse(String text) {
    return parse(text, SHIPPED);
  }

  /**
   * Finds the kind named {@code text}, ignoring case, among {@code known}.
   *
   * @throws IllegalArgumentException that lists the known kinds, if none has that name
   */
  public static VnfKind parse(String text, List<VnfKind> known) {
    return find(text, known).orElseThrow(() -> new IllegalArgumentException(
        "unknown VNF kind '" + text + "'; expected one of "
            + known.stream().map(VnfKind::name).collect(Collectors.joining(", "))));
  }

  /** The kind named {@code text} (ignoring case) among {@code known}, if there is one. */
  public static Optional<VnfKind> find(String text, List<VnfKind> known) {
    String wanted = text == null ? "" : text.trim();
    return known.stream().filter(k -> k.name.equalsIgnoreCase(wanted)).findFirst();
  }

  /** Whether attached UEs' user-plane traffic runs through this function. */
  public boolean carriesUserPlane() {
    return userPlane;
  }

  /** The name, as reports print it. */
  @Override
  public String toString() {
    return name;
  }
}
