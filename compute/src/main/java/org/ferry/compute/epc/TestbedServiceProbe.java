package org.ferry.compute.epc;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.ferry.model.report.Provenance;
import org.ferry.model.report.ServiceRecovery;
import org.ferry.model.vnf.Placement;
import org.ferry.model.vnf.Vnf;
import org.ferry.seam.probe.ServiceProbe;
import org.ferry.seam.probe.UeWatch;
import org.ferry.testbed.net.PingProbe;
import org.ferry.testbed.net.TestbedLayout;

/**
 * The service probe on the testbed: a VNF answers when one ICMP echo from the RAN namespace to its
 * address comes back within a second; the UEs are the EPC probe's ({@link EpcProbe}),
 * whose report (rewritten every 100 ms) lists every gap of 50 ms or more with when it ended, so a
 * watch reports the longest gap that began while it ran, at the probe's 10 ms resolution, and the
 * UEs that re-attached meanwhile. Every figure is measured.
 */
public final class TestbedServiceProbe implements ServiceProbe {

  private final TestbedLayout layout;
  private final EpcProbe probe;

  public TestbedServiceProbe(TestbedLayout layout, EpcProbe probe) {
    this.layout = Objects.requireNonNull(layout, "layout");
    this.probe = Objects.requireNonNull(probe, "probe");
  }

  @Override
  public boolean answers(Vnf vnf, Placement at) {
    return PingProbe.answersOnce(layout.ranNamespace(), vnf.address().toString());
  }

  @Override
  public UeWatch watch(Vnf vnf) {
    long started = System.currentTimeMillis();
    Map<String, Long> reattachesBefore = reattaches(probe.snapshot().orElse(null));
    return () -> {
      // the probe rewrites its report every 100 ms: wait for one written after now
      sleep(Duration.ofMillis(300));
      JsonNode report = probe.snapshot().orElseThrow(
          () -> new IllegalStateException("the EPC probe wrote no report"));
      long stopped = System.currentTimeMillis();
      long longest = 0;
      int reattached = 0;
      Map<String, Long> after = reattaches(report);
      for (JsonNode ue : report.path("ues")) {
        for (JsonNode gap : ue.path("gaps")) {
          long began = gap.get(0).asLong() - gap.get(1).asLong();
          if (began >= started - 20 && began <= stopped) {
            longest = Math.max(longest, gap.get(1).asLong());
          }
        }
        String imsi = ue.path("imsi").asText();
        if (after.getOrDefault(imsi, 0L) > reattachesBefore.getOrDefault(imsi, 0L)) {
          reattached++;
        }
      }
      return new ServiceRecovery(probe.ues(), Duration.ofMillis(longest), reattached,
          Provenance.MEASURED);
    };
  }

  private static Map<String, Long> reattaches(JsonNode report) {
    Map<String, Long> m = new HashMap<>();
    if (report != null) {
      for (JsonNode ue : report.path("ues")) {
        m.put(ue.path("imsi").asText(), ue.path("reattaches").asLong());
      }
    }
    return m;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
