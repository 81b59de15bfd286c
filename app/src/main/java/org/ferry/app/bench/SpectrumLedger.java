package org.ferry.app.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.ferry.model.network.FiberId;
import org.ferry.model.network.Lightpath;
import org.ferry.model.network.LightpathId;
import org.ferry.seam.optical.ForwardingOpticalController;
import org.ferry.seam.optical.OpticalController;
import org.ferry.seam.optical.TemporaryLightpathRequest;

/**
 * An optical controller that keeps a ledger of the temporary lightpaths Ferry sets up, each with
 * the stretch of a global sequence during which it was surely in service (from its set-up's
 * return to its release's call), so that concurrent runs can be checked afterwards for a
 * spectrum slot given twice: two of them in service at once on one fibre at one frequency.
 * Passes every call on unchanged.
 */
final class SpectrumLedger extends ForwardingOpticalController {

  /** One temporary lightpath and when it was in service, in ledger ticks. */
  record Entry(Lightpath lightpath, long from, long until) {
    boolean overlaps(Entry other) {
      return from < other.until && other.from < until
          && lightpath.frequency().equals(other.lightpath.frequency())
          && lightpath.route().fibers().stream()
              .anyMatch(other.lightpath.route().fibers()::contains);
    }
  }

  private final AtomicLong ticks = new AtomicLong();
  private final Map<LightpathId, Entry> open = new ConcurrentHashMap<>();
  private final List<Entry> closed = Collections.synchronizedList(new ArrayList<>());

  SpectrumLedger(OpticalController inner) {
    super(inner);
  }

  /** Every temporary lightpath set up so far; those not released yet are open-ended. */
  List<Entry> entries() {
    List<Entry> all = new ArrayList<>(closed);
    open.values().forEach(e -> all.add(new Entry(e.lightpath(), e.from(), Long.MAX_VALUE)));
    return all;
  }

  /** Pairs of temporary lightpaths in service at once on a shared fibre and frequency. */
  List<String> doubleBookings() {
    List<Entry> all = entries();
    List<String> found = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      for (int j = i + 1; j < all.size(); j++) {
        if (all.get(i).overlaps(all.get(j))) {
          Lightpath a = all.get(i).lightpath();
          Lightpath b = all.get(j).lightpath();
          List<FiberId> shared = a.route().fibers().stream()
              .filter(b.route().fibers()::contains).toList();
          found.add(a.id() + " and " + b.id() + " at " + a.frequency() + " on " + shared);
        }
      }
    }
    return found;
  }

  @Override
  public Lightpath setUpTemporary(TemporaryLightpathRequest request) {
    Lightpath lp = delegate().setUpTemporary(request);
    open.put(lp.id(), new Entry(lp, ticks.incrementAndGet(), Long.MAX_VALUE));
    return lp;
  }

  @Override
  public void release(LightpathId id) {
    Entry entry = open.remove(id);
    if (entry != null) {
      closed.add(new Entry(entry.lightpath(), entry.from(), ticks.incrementAndGet()));
    }
    super.release(id);
  }
}
