package org.ferry.testbed.net;

/** The link a lightpath is in the testbed: shaped and up, or cut. {@link Testbed} is one. */
public interface LightpathLink {

  /** Brings the link up with this rate and delay (or reshapes it). */
  void applyLink(LinkShape shape);

  /** Cuts the link: nothing crosses between the sites. */
  void cutLink();
}
