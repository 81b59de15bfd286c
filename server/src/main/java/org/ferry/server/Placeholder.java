package org.ferry.server;

/** Holds the package until the server's first classes land. */
final class Placeholder {
  private Placeholder() {}
}
