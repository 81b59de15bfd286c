package org.ferry.model.unit;

/**
 * An amount of data, held in bytes.
 *
 * <p>Decimal units (MB = 10^6 bytes) are used for traffic and image sizes, as the reference
 * figures are; binary units (MiB = 2^20 bytes) for guest memory, as flavors are.
 *
 * @param bytes the number of bytes, zero or more
 */
public record DataSize(long bytes) implements Comparable<DataSize> {

  public static final DataSize ZERO = new DataSize(0);

  public DataSize {
    if (bytes < 0) {
      throw new IllegalArgumentException("data size must be zero or more bytes, got " + bytes);
    }
  }

  public static DataSize ofBytes(long bytes) {
    return new DataSize(bytes);
  }

  /** Decimal megabytes (10^6 bytes), the unit of the reference's image sizes. */
  public static DataSize ofMegabytes(double megabytes) {
    return new DataSize(Math.round(megabytes * 1e6));
  }

  /** Binary mebibytes (2^20 bytes), the unit of flavor memory. */
  public static DataSize ofMebibytes(long mebibytes) {
    return new DataSize(Math.multiplyExact(mebibytes, 1L << 20));
  }

  public static DataSize ofGigabytes(double gigabytes) {
    return new DataSize(Math.round(gigabytes * 1e9));
  }

  public double megabytes() {
    return bytes / 1e6;
  }

  public long bits() {
    return Math.multiplyExact(bytes, 8L);
  }

  public DataSize plus(DataSize other) {
    return new DataSize(Math.addExact(bytes, other.bytes));
  }

  public DataSize minus(DataSize other) {
    return new DataSize(Math.max(0, bytes - other.bytes));
  }

  public DataSize times(double factor) {
    if (factor < 0 || !Double.isFinite(factor)) {
      throw new IllegalArgumentException("factor must be finite and zero or more, got " + factor);
    }
    return new DataSize(Math.round(bytes * factor));
  }

  @Override
  public int compareTo(DataSize other) {
    return Long.compare(bytes, other.bytes);
  }

  @Override
  public String toString() {
    if (bytes >= 1_000_000_000L) {
      return String.format("%.2f GB", bytes / 1e9);
    }
    return String.format("%.1f MB", megabytes());
  }
}
