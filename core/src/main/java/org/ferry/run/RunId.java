package org.ferry.run;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The identity of one run, e.g. {@code run-20260101T000030-1-k3x9q}: the instant it was queued
 * (virtual time in the twin), its number in its service, and random characters that keep ids
 * of different processes apart. It names the run's temporary lightpaths and steering rules too,
 * so it stays short and URL-safe.
 *
 * @param value letters, digits, '-', '_' and '.', 1 to 64 characters
 */
public record RunId(String value) implements Comparable<RunId> {

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public RunId {
    Objects.requireNonNull(value, "value");
    if (!VALID.matcher(value).matches()) {
      throw new IllegalArgumentException("a run id is 1 to 64 letters, digits, '.', '_' or '-',"
          + " got '" + value + "'");
    }
  }

  public static RunId of(String value) {
    return new RunId(value);
  }

  @Override
  public int compareTo(RunId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
