package org.ferry.compute.criu;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ferry.model.network.HostId;
import org.ferry.model.network.SiteId;
import org.ferry.model.unit.DataRate;
import org.ferry.model.vnf.Placement;

/**
 * A minimal two-site network for container migration: namespaces {@code fc-<tag>-a} and {@code
 * -b} with a bridge each, joined by a lightpath (a veth pair between the bridges, rate-limited by
 * tbf on both ends), and a RAN namespace {@code fc-<tag>-ran} on site A's bridge for probes.
 * One /24 spans all three, so a container keeps its address when it moves.
 *
 * <p>This is the compute module's own stand-in until the testbed's network layer is used; it adds
 * no delay line (no netem on this kernel).
 */
public final class LabNetwork implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final CommandRunner runner;
  private final String tag;
  private final String subnet;
  private final SiteNetwork siteA;
  private final SiteNetwork siteB;
  private final String ran;
  private final List<String> created = new ArrayList<>();

  /**
   * Creates the namespaces and links.
   *
   * @param tag a short name (letters and digits, at most 6) that makes the namespaces unique
   * @param subnet the first three octets of the /24, e.g. "10.77.0"
   */
  public LabNetwork(CommandRunner runner, String tag, String subnet, DataRate rate) {
    if (!tag.matches("[a-z0-9]{1,6}")) {
      throw new IllegalArgumentException("tag must be 1-6 lower-case letters or digits: " + tag);
    }
    this.runner = runner;
    this.tag = tag;
    this.subnet = subnet;
    this.siteA = new SiteNetwork(new Placement(SiteId.of("site-a"), HostId.of("host-a")),
        "fc-" + tag + "-a", "br-a", subnet + ".2");
    this.siteB = new SiteNetwork(new Placement(SiteId.of("site-b"), HostId.of("host-b")),
        "fc-" + tag + "-b", "br-b", subnet + ".3");
    this.ran = "fc-" + tag + "-ran";
    try {
      build(rate);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private void build(DataRate rate) {
    for (String ns : List.of(siteA.netns(), siteB.netns(), ran)) {
      runner.runAllowingFailure(TIMEOUT, List.of("ip", "netns", "del", ns));
      ip("netns", "add", ns);
      created.add(ns);
      ip("-n", ns, "link", "set", "lo", "up");
    }
    int i = 1;
    for (SiteNetwork site : List.of(siteA, siteB)) {
      String ns = site.netns();
      // a pinned MAC: an unpinned bridge takes its ports' lowest MAC, which changes as
      // containers come and go, and every neighbour's ARP entry for the host goes stale
      ip("-n", ns, "link", "add", site.bridge(), "type", "bridge");
      ip("-n", ns, "link", "set", site.bridge(), "address",
          String.format(Locale.ROOT, "02:fc:00:00:0%d:01", i));
      ip("-n", ns, "link", "set", site.bridge(), "up");
      ip("-n", ns, "addr", "add", site.hostAddress() + "/24", "dev", site.bridge());
      i++;
    }
    ip("link", "add", "lp-a", "netns", siteA.netns(), "type", "veth", "peer", "name", "lp-b",
        "netns", siteB.netns());
    ip("-n", siteA.netns(), "link", "set", "lp-a", "master", "br-a", "up");
    ip("-n", siteB.netns(), "link", "set", "lp-b", "master", "br-b", "up");
    ip("link", "add", "ran0", "netns", ran, "type", "veth", "peer", "name", "ran-a", "netns",
        siteA.netns());
    ip("-n", siteA.netns(), "link", "set", "ran-a", "master", "br-a", "up");
    ip("-n", ran, "addr", "add", subnet + ".1/24", "dev", "ran0");
    ip("-n", ran, "link", "set", "ran0", "up");
    setRate(rate);
  }

  /** Shapes both directions of the lightpath to {@code rate}. */
  public void setRate(DataRate rate) {
    long mbit = Math.max(1, rate.bitsPerSecond() / 1_000_000);
    String burst = mbit >= 5000 ? "8mb" : "1mb";
    for (String[] end : new String[][] {{siteA.netns(), "lp-a"}, {siteB.netns(), "lp-b"}}) {
      runner.run(TIMEOUT, List.of("ip", "netns", "exec", end[0], "tc", "qdisc", "replace", "dev",
          end[1], "root", "tbf", "rate", mbit + "mbit", "burst", burst, "latency", "5ms"));
    }
  }

  public SiteNetwork siteA() {
    return siteA;
  }

  public SiteNetwork siteB() {
    return siteB;
  }

  /** The RAN namespace, from which probes reach containers at either site. */
  public String ranNetns() {
    return ran;
  }

  /** An address in the shared /24, e.g. {@code address(10)} is "10.77.0.10". */
  public String address(int host) {
    return subnet + "." + host;
  }

  public String tag() {
    return tag;
  }

  private void ip(String... args) {
    List<String> command = new ArrayList<>();
    command.add("ip");
    command.addAll(List.of(args));
    runner.run(TIMEOUT, command);
  }

  /** Deletes the namespaces (and with them every link in them). */
  @Override
  public void close() {
    for (String ns : created.reversed()) {
      runner.runAllowingFailure(TIMEOUT, List.of("ip", "netns", "del", ns));
    }
    created.clear();
  }
}
