package org.ferry.compute.epc;

/**
 * One EPC stand-in on the testbed's shared segment (10.0.0.0/24): its {@code ferry-epc.jar}
 * command, its address and its MAC (the last byte of the address), the same wherever it runs.
 */
public enum EpcFunction {
  INTERNET_HOST("internet-host", 40), HSS("hss", 41), MME("mme", 42), SPGW("spgw", 43);

  private final String command;
  private final int host;

  EpcFunction(String command, int host) {
    this.command = command;
    this.host = host;
  }

  /** The function's name on {@code ferry-epc.jar}'s command line, e.g. {@code hss}. */
  public String command() {
    return command;
  }

  public String address() {
    return "10.0.0." + host;
  }

  public String mac() {
    return String.format("02:00:00:00:e0:%02x", host);
  }
}
