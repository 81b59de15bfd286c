package org.ferry.time;

import java.time.Duration;
import java.time.Instant;

/**
 * The clock every part of Ferry reads and waits on. Injected, never looked up, so that the same
 * workflow runs in real time against real parts and in virtual time against the simulated layer.
 *
 * <p>Implementations are thread-safe.
 */
public interface TimeSource {

  /** The current instant. */
  Instant now();

  /**
   * Waits for {@code duration}. A virtual time source returns at once, with its clock moved on.
   *
   * @throws java.util.concurrent.CancellationException if the waiting thread is interrupted (the
   *     interrupt flag is set again)
   */
  void sleep(Duration duration);

  /** Real time: the system clock and {@link Thread#sleep}. */
  static TimeSource system() {
    return SystemTimeSource.INSTANCE;
  }
}
