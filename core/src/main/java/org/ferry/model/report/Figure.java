package org.ferry.model.report;

import java.util.Objects;

/**
 * A figure and where it came from.
 *
 * @param value the figure, with its unit in its type ({@code Duration}, {@code DataSize}, ...)
 * @param source measured, predicted or simulated
 */
public record Figure<T>(T value, Provenance source) {

  public Figure {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(source, "source");
  }

  public static <T> Figure<T> of(T value, Provenance source) {
    return new Figure<>(value, source);
  }
}
