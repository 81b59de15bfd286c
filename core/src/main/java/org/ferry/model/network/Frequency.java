package org.ferry.model.network;

/**
 * The centre frequency of an optical channel on the ITU-T G.694.1 DWDM grid.
 *
 * <p>On the 50 GHz fixed grid the centre is {@code 193.1 THz + n × 0.05 THz} for an integer
 * {@code n}; {@link #ofFixedGridChannel(int)} builds those.
 *
 * @param terahertz the centre frequency, within the C band (191.3 to 196.1 THz)
 */
public record Frequency(double terahertz) {

  /** G.694.1 anchor frequency. */
  public static final double ANCHOR_THZ = 193.1;

  /** Fixed-grid channel spacing used by OpenROADM 100G channels. */
  public static final double FIXED_GRID_SPACING_THZ = 0.05;

  public Frequency {
    if (!(terahertz >= 191.3 && terahertz <= 196.1)) {
      throw new IllegalArgumentException(
          "frequency " + terahertz + " THz is outside the C band (191.3 to 196.1 THz)");
    }
  }

  /** The channel {@code n} slots from the 193.1 THz anchor on the 50 GHz grid. */
  public static Frequency ofFixedGridChannel(int n) {
    return new Frequency(Math.round((ANCHOR_THZ + n * FIXED_GRID_SPACING_THZ) * 1e5) / 1e5);
  }

  @Override
  public String toString() {
    return String.format("%.3f THz", terahertz);
  }
}
