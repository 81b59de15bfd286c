package org.ferry.app.cli;

/**
 * The defaults of the options that describe a setting, as picocli takes them (text), the same on
 * every command: the reference setting's ({@code ReferenceSetting.Options.defaults()}, which a
 * test holds them to).
 */
final class SettingDefaults {

  static final String VIRTUALIZATION = "vm";
  static final String FLAVOR = "small";
  static final String INTERFACE = "floating-ip";
  static final String DISTANCE_KM = "50";
  static final String TESTBED = "openroadm";

  /**
   * Beyond this many km of fibre a lightpath is longer than metro and regional networks run
   * (about 1,000 km); the model, calibrated on lightpaths of up to 50 km, then only extrapolates.
   */
  static final double REGIONAL_KM = 1_000;

  private SettingDefaults() {}
}
