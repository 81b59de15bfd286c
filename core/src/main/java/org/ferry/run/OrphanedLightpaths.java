package org.ferry.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.ferry.model.network.Lightpath;
import org.ferry.model.network.LightpathId;
import org.ferry.seam.SouthboundException;
import org.ferry.seam.optical.OpticalController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the temporary lightpaths that Ferry's runs set up and that no live run owns any more (a
 * run killed before its release step), and releases them: otherwise they hold their xponders and
 * spectrum for good, and after a few such leaks no temporary lightpath can be set up at all.
 *
 * <p>A Ferry run names its temporary lightpaths {@value #PREFIX}{@code <run id>-<site>...}; a
 * temporary service of any other name is someone else's and is left alone. One Ferry drives a
 * controller: a second one's live runs would look orphaned to this one.
 */
public final class OrphanedLightpaths {

  /** How every temporary lightpath a Ferry run sets up is named. */
  public static final String PREFIX = "ferry-run-";

  private static final Logger log = LoggerFactory.getLogger(OrphanedLightpaths.class);

  private OrphanedLightpaths() {}

  /**
   * Releases the orphans.
   *
   * @param ownedByLiveRun true for a lightpath a run still going holds (it is kept)
   * @return what was released, and what could not be (with the controller's answer)
   */
  public static Sweep release(OpticalController optical, Predicate<LightpathId> ownedByLiveRun) {
    List<LightpathId> released = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (Lightpath lp : optical.lightpaths()) {
      if (!lp.temporary() || !lp.id().value().startsWith(PREFIX) || ownedByLiveRun.test(lp.id())) {
        continue;
      }
      try {
        optical.release(lp.id());
        released.add(lp.id());
        log.warn("released temporary lightpath {}: an earlier run set it up and ended without"
            + " releasing it (killed, most likely)", lp.id());
      } catch (SouthboundException e) {
        failed.add(lp.id() + ": " + e.getMessage());
        log.error("could not release orphaned temporary lightpath {}: {}", lp.id(),
            e.getMessage());
      }
    }
    return new Sweep(released, failed);
  }

  /**
   * What a sweep did.
   *
   * @param released the orphans released
   * @param failed the orphans the controller would not release, each with why
   */
  public record Sweep(List<LightpathId> released, List<String> failed) {
    public Sweep {
      released = List.copyOf(released);
      failed = List.copyOf(failed);
    }
  }
}
