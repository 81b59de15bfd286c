package org.ferry.run;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Mints run ids: {@code run-<stamp>-<n>-<tag>}, the stamp from the run service's clock, n counting
 * this service's runs, the tag five random base-36 characters (60 million values), so that two
 * processes whose twins start at the same virtual instant still give their runs different ids.
 * The ids name temporary lightpaths ({@link OrphanedLightpaths#PREFIX}), so they stay short.
 * Thread-safe.
 */
final class RunIds {

  private static final int TAG_LENGTH = 5;
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  private final AtomicInteger counter = new AtomicInteger();
  /** The random part: nothing else about a run depends on it. */
  private final SecureRandom random = new SecureRandom();

  /** The id of the next run, queued at {@code now}. */
  RunId next(Instant now) {
    return RunId.of("run-" + STAMP.format(now) + "-" + counter.incrementAndGet() + "-" + tag());
  }

  private String tag() {
    StringBuilder tag = new StringBuilder(TAG_LENGTH);
    for (int i = 0; i < TAG_LENGTH; i++) {
      tag.append(Character.forDigit(random.nextInt(36), 36));
    }
    return tag.toString();
  }
}
