package org.ferry.optical.pce;

/**
 * A block of flex-grid slots given to one channel.
 *
 * @param lowSlot first slot, 1 to 768
 * @param highSlot last slot
 * @param wavelengthNumber the fixed-grid channel number (1 = 196.1 THz), 0 on the flex grid
 */
public record SpectrumAssignment(int lowSlot, int highSlot, int wavelengthNumber) {

  public SpectrumAssignment {
    if (lowSlot < 1 || highSlot > Spectrum.SLOTS || lowSlot > highSlot) {
      throw new IllegalArgumentException("slots " + lowSlot + ":" + highSlot + " are off the band");
    }
  }

  static SpectrumAssignment of(int low, int high, OpticalNetwork.Grid grid) {
    int lambda = grid == OpticalNetwork.Grid.FIXED && high - low == 7 && high % 8 == 0
        ? (Spectrum.SLOTS - high) / 8 + 1 : 0;
    return new SpectrumAssignment(low, high, lambda);
  }

  /** The fixed-grid channel {@code n} (1 = 196.1 THz, 2 = 196.05 THz, ...). */
  public static SpectrumAssignment fixedGridChannel(int n) {
    int high = Spectrum.SLOTS - 8 * (n - 1);
    return new SpectrumAssignment(high - 7, high, n);
  }

  public String slots() {
    return lowSlot + ":" + highSlot;
  }

  public double minFrequencyThz() {
    return round(Spectrum.BAND_START_THZ + (lowSlot - 1) * Spectrum.SLOT_THZ);
  }

  public double maxFrequencyThz() {
    return round(Spectrum.BAND_START_THZ + highSlot * Spectrum.SLOT_THZ);
  }

  public double centreFrequencyThz() {
    return round((minFrequencyThz() + maxFrequencyThz()) / 2);
  }

  /** The slot width in GHz (50 for a fixed-grid channel). */
  public double widthGhz() {
    return (highSlot - lowSlot + 1) * 6.25;
  }

  private static double round(double thz) {
    return Math.round(thz * 1e6) / 1e6;
  }
}
