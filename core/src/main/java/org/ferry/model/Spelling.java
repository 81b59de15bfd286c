package org.ferry.model;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the known name a misspelt one was probably meant to be ("flavour" → "flavor"), for the
 * "did you mean" of an error about a file or an option.
 */
public final class Spelling {

  private Spelling() {}

  /**
   * The known name nearest to {@code typed} by edit distance, if it is near enough to be a typo:
   * at most a third of the longer name's letters differ, and at least one letter is right.
   */
  public static Optional<String> nearest(String typed, Collection<String> known) {
    String t = typed.toLowerCase(Locale.ROOT);
    return closest(typed, known)
        .filter(k -> {
          int d = distance(t, k.toLowerCase(Locale.ROOT));
          return d <= Math.max(2, Math.max(t.length(), k.length()) / 3) && d < k.length();
        });
  }

  /**
   * The known name nearest to {@code typed} by edit distance however far it is, the first in
   * alphabetical order among equals; empty only if none is known.
   */
  public static Optional<String> closest(String typed, Collection<String> known) {
    String t = typed.toLowerCase(Locale.ROOT);
    return known.stream().sorted()
        .min(Comparator.comparingInt((String k) -> distance(t, k.toLowerCase(Locale.ROOT))));
  }

  /** Levenshtein distance: insertions, deletions and substitutions. */
  public static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
