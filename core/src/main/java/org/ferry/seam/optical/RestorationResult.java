package org.ferry.seam.optical;

import java.util.Objects;
import java.util.Optional;
import org.ferry.model.network.Lightpath;
import org.ferry.model.network.LightpathId;

/**
 * What came of restoring one lightpath.
 *
 * @param lightpath the lightpath
 * @param cause {@link Cause#NONE} when restored, else why not
 * @param restored the lightpath as restored, in service, when {@code cause} is NONE
 * @param message the controller's words, for the record
 */
public record RestorationResult(
    LightpathId lightpath, Cause cause, Optional<Lightpath> restored, String message) {

  /** Why a restoration failed; {@link #NONE} when it did not. */
  public enum Cause {
    NONE,
    /** No route avoids the fault. */
    NO_PATH_EXISTS,
    /** Routes exist but none has a free frequency slot on every span. */
    NO_FREE_SPECTRUM,
    /** The service was not set up as restorable. */
    NOT_RESTORABLE,
    /** The controller failed to set up the new route. */
    SETUP_FAILED
  }

  public RestorationResult {
    Objects.requireNonNull(lightpath, "lightpath");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(restored, "restored");
    Objects.requireNonNull(message, "message");
    if ((cause == Cause.NONE) != restored.isPresent()) {
      throw new IllegalArgumentException(
          "a restored lightpath is present exactly when the cause is NONE (cause " + cause + ")");
    }
  }

  public static RestorationResult restored(Lightpath lightpath, String message) {
    return new RestorationResult(lightpath.id(), Cause.NONE, Optional.of(lightpath), message);
  }

  public static RestorationResult failed(LightpathId id, Cause cause, String message) {
    return new RestorationResult(id, cause, Optional.empty(), message);
  }

  public boolean succeeded() {
    return cause == Cause.NONE;
  }
}
