package org.ferry.optical.pce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An OpenROADM network as the path computation sees it: ROADMs with degrees and SRGs at sites,
 * xponders that add and drop through a ROADM's SRG, and fibre spans between ROADM degrees.
 * Immutable, validated as a whole.
 *
 * <p>Names follow OpenROADM: a ROADM's degree {@code n} is the topology node {@code <id>-DEGn},
 * an xponder's line side is the node {@code <id>-XPDR1}, and a site is a CLLI.
 *
 * @param roadms the ROADMs
 * @param xponders the transponders and switchponders
 * @param fibers the spans
 * @param grid how spectrum is assigned
 */
public record OpticalNetwork(
    List<Roadm> roadms, List<Xponder> xponders, List<Span> fibers, Grid grid) {

  /** How spectrum is laid out and assigned. */
  public enum Grid {
    /** 96 channels of 50 GHz, λ1 = 196.1 THz at the top (OpenROADM 1.2.1 devices). */
    FIXED,
    /** 768 slots of 6.25 GHz from 191.325 THz; a channel takes as many slots as its rate needs. */
    FLEX
  }

  /** The kind of an xponder, which sets the rate of its line side. */
  public enum XponderType {
    TRANSPONDER_100G(100),
    SWITCHPONDER_1G(10),
    SWITCHPONDER_10G(100);

    private final int lineRateGbps;

    XponderType(int lineRateGbps) {
      this.lineRateGbps = lineRateGbps;
    }

    public int lineRateGbps() {
      return lineRateGbps;
    }

    /** Switchponders are listed in the OTN topology as well. */
    public boolean switchponder() {
      return this != TRANSPONDER_100G;
    }

    /**
     * Network ports when the topology file gives none: two on a transponder, as on the
     * XPDR-A1 device TransportPCE's end-to-end tests run against; one on a switchponder.
     */
    public int defaultNetworkPorts() {
      return switchponder() ? 1 : 2;
    }

    /** Client ports when the topology file gives none: one per network port, four per
     * switchponder (whose clients are multiplexed onto its line). */
    public int defaultClientPorts() {
      return switchponder() ? 4 : defaultNetworkPorts();
    }
  }

  /** A ROADM with {@code degrees} line degrees and {@code srgs} add/drop groups. */
  public record Roadm(String id, String site, int degrees, int srgs, Device device) {
    public Roadm {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(site, "site");
      Objects.requireNonNull(device, "device");
      if (degrees < 1 || srgs < 1) {
        throw new IllegalArgumentException(
            "ROADM " + id + " needs at least one degree and one SRG");
      }
    }

    public Roadm(String id, String site, int degrees, int srgs) {
      this(id, site, degrees, srgs, Device.defaults("roadm"));
    }
  }

  /**
   * An xponder whose network ports drop into SRG {@code srg} of {@code roadm}, one add/drop port
   * (PP) each. Its ports are the openroadm-topology TPs {@code XPDR1-NETWORKn} and
   * {@code XPDR1-CLIENTn}; client {@code c} is wired to network port {@code ((c - 1) mod
   * networkPorts) + 1}, so a transponder pairs them one to one and a switchponder's clients share
   * its network ports.
   *
   * @param networkPorts line ports, at least 1; each carries one wavelength
   * @param clientPorts client ports, at least as many as network ports
   * @param device what openroadm-network says of the device (vendor, model, IP)
   */
  public record Xponder(String id, String site, String roadm, int srg, XponderType type,
      int networkPorts, int clientPorts, Device device) {
    public Xponder {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(site, "site");
      Objects.requireNonNull(roadm, "roadm");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(device, "device");
      if (networkPorts < 1 || clientPorts < networkPorts) {
        throw new IllegalArgumentException("xponder " + id + " needs at least one network port"
            + " and at least as many client ports as network ports (network-ports "
            + networkPorts + ", client-ports " + clientPorts + ")");
      }
    }

    /** An xponder with its type's ports ({@link XponderType#defaultNetworkPorts()}). */
    public Xponder(String id, String site, String roadm, int srg, XponderType type) {
      this(id, site, roadm, srg, type, type.defaultNetworkPorts(), type.defaultClientPorts(),
          Device.defaults(type.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
    }

    /** The network port a client port is wired to. */
    public int networkPortOf(int client) {
      return (client - 1) % networkPorts + 1;
    }
  }

  /**
   * The device facts TransportPCE reads from a device's info and publishes in openroadm-network.
   *
   * @param vendor the vendor
   * @param model the model
   * @param ip its management address, empty when not known
   */
  public record Device(String vendor, String model, Optional<String> ip) {
    public Device {
      Objects.requireNonNull(vendor, "vendor");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(ip, "ip");
    }

    /** The emulator's device of a model, with no address. */
    public static Device defaults(String model) {
      return new Device("ferry-emulator", model, Optional.empty());
    }
  }

  /** One end of a span: a ROADM degree. */
  public record End(String roadm, int degree) {
    public End {
      Objects.requireNonNull(roadm, "roadm");
    }

    /** The OpenROADM topology node of this degree, e.g. {@code roadm-a-DEG1}. */
    public String degreeNode() {
      return roadm + "-DEG" + degree;
    }
  }

  /**
   * A bidirectional fibre span (a fibre pair) between two ROADM degrees.
   *
   * @param lengthKm its length in km, above 0
   * @param srlgs the shared risk link groups it belongs to
   */
  public record Span(String id, End a, End z, double lengthKm, List<Long> srlgs) {
    public Span {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(a, "a");
      Objects.requireNonNull(z, "z");
      srlgs = List.copyOf(srlgs);
      if (!(lengthKm > 0)) {
        throw new IllegalArgumentException("fiber " + id + " needs a length above 0 km");
      }
      if (a.roadm().equals(z.roadm())) {
        throw new IllegalArgumentException("fiber " + id + " must join two different ROADMs");
      }
    }

    /** The ROADM at the other end from {@code roadm}. */
    public String other(String roadm) {
      return a.roadm().equals(roadm) ? z.roadm() : a.roadm();
    }

    /** The end at {@code roadm}. */
    public End endAt(String roadm) {
      return a.roadm().equals(roadm) ? a : z;
    }

    /**
     * Latency as TransportPCE's PCE counts it: {@code ceil(length_m / 199861.6)} ms, about
     * 5 µs per km rounded up to the millisecond.
     */
    public long pceLatencyMs() {
      return (long) Math.ceil(lengthKm * 1000 / 199_861.6);
    }
  }

  public OpticalNetwork {
    roadms = List.copyOf(roadms);
    xponders = List.copyOf(xponders);
    fibers = List.copyOf(fibers);
    Objects.requireNonNull(grid, "grid");
    Map<String, Roadm> byId = new LinkedHashMap<>();
    List<String> ids = new ArrayList<>();
    for (Roadm r : roadms) {
      byId.put(r.id(), r);
      ids.add(r.id());
    }
    xponders.forEach(x -> ids.add(x.id()));
    fibers.forEach(f -> ids.add(f.id()));
    if (ids.stream().distinct().count() != ids.size()) {
      throw new IllegalArgumentException("ids of ROADMs, xponders and fibres must be unique: "
          + ids);
    }
    List<End> used = new ArrayList<>();
    for (Span f : fibers) {
      for (End end : List.of(f.a(), f.z())) {
        Roadm r = byId.get(end.roadm());
        if (r == null || end.degree() < 1 || end.degree() > r.degrees()) {
          throw new IllegalArgumentException("fiber " + f.id() + " ends at " + end.degreeNode()
              + ", which no ROADM has");
        }
        if (used.contains(end)) {
          throw new IllegalArgumentException("degree " + end.degreeNode() + " carries two fibres");
        }
        used.add(end);
      }
    }
    for (Xponder x : xponders) {
      Roadm r = byId.get(x.roadm());
      if (r == null || !r.site().equals(x.site()) || x.srg() < 1 || x.srg() > r.srgs()) {
        throw new IllegalArgumentException("xponder " + x.id() + " must drop into an SRG of a"
            + " ROADM at its own site " + x.site());
      }
    }
  }

  public Optional<Roadm> roadm(String id) {
    return roadms.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  public Optional<Xponder> xponder(String id) {
    return xponders.stream().filter(x -> x.id().equals(id)).findFirst();
  }

  public Optional<Span> fiber(String id) {
    return fibers.stream().filter(f -> f.id().equals(id)).findFirst();
  }

  /** The span on a ROADM degree, if one is plugged there. */
  public Optional<Span> fiberAt(String roadm, int degree) {
    End end = new End(roadm, degree);
    return fibers.stream().filter(f -> f.a().equals(end) || f.z().equals(end)).findFirst();
  }

  /**
   * The add/drop port (PP) of its SRG that an xponder's network port is plugged into. PPs are
   * numbered from 1 per SRG over the xponders in the order given, each network port taking the
   * next, as TransportPCE's tests wire XPDR1-NETWORK1 to SRG1-PP1 and XPDR1-NETWORK2 to SRG1-PP2.
   */
  public int addDropPort(Xponder xponder, int networkPort) {
    int before = 0;
    for (Xponder x : xponders) {
      if (x.id().equals(xponder.id())) {
        return before + networkPort;
      }
      if (x.roadm().equals(xponder.roadm()) && x.srg() == xponder.srg()) {
        before += x.networkPorts();
      }
    }
    throw new IllegalArgumentException("unknown xponder " + xponder.id());
  }

  /** How many add/drop ports of an SRG are wired to xponders (at least 1). */
  public int addDropPorts(String roadm, int srg) {
    int ports = xponders.stream().filter(x -> x.roadm().equals(roadm) && x.srg() == srg)
        .mapToInt(Xponder::networkPorts).sum();
    return Math.max(ports, 1);
  }

  /** The sites (CLLIs), in order of first mention. */
  public List<String> sites() {
    return roadms.stream().map(Roadm::site).distinct().toList();
  }
}
