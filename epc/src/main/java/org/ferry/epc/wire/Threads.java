package org.ferry.epc.wire;

/** Named daemon threads for the stand-ins' loops. */
public final class Threads {
  private Threads() {}

  /** @return a started daemon thread named {@code name} running {@code body} */
  public static Thread start(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
    return t;
  }
}
