package org.ferry.model.vnf;

import org.ferry.model.Names;

/** The ways Ferry can move a running VNF from one host to another. */
public enum MigrationApproach {
  /**
   * VM pre-copy: copy memory (and the disk where storage is not shared) while the guest runs,
   * resend dirtied pages in rounds, then pause for the last round. Short downtime; can fail to
   * converge when pages are dirtied faster than the link sends them.
   */
  PRE_COPY(Virtualization.VM),
  /**
   * VM post-copy: pause, move the device state, resume at the destination and pull pages on fault.
   * Downtime independent of memory size; the guest is lost if the link fails before the last
   * page has arrived.
   */
  POST_COPY(Virtualization.VM),
  /** Container stop-and-copy with CRIU: freeze and dump, move the image, restore. */
  STOP_AND_COPY(Virtualization.CONTAINER),
  /**
   * Container lazy migration with CRIU lazy pages: dump everything but memory, restore at once,
   * and serve memory pages on demand over userfaultfd from a page server at the source.
   */
  LAZY(Virtualization.CONTAINER);

  private final Virtualization virtualization;

  MigrationApproach(Virtualization virtualization) {
    this.virtualization = virtualization;
  }

  public static MigrationApproach parse(String text) {
    return Names.parse(MigrationApproach.class, text, "migration approach", Names::kebab);
  }

  /**
   * Whether the VNF resumes at the destination while part of its memory is still at the source
   * (post-copy, lazy). Until the last page has arrived, losing the source or the link loses the
   * VNF; the other approaches keep the whole state at the source until the switch-over.
   */
  public boolean splitsStateAcrossHosts() {
    return this == POST_COPY || this == LAZY;
  }

  /** The kind of VNF this approach moves. */
  public Virtualization virtualization() {
    return virtualization;
  }

  /** The approach the reference study measured for each virtualization. */
  public static MigrationApproach referenceFor(Virtualization virtualization) {
    return virtualization == Virtualization.VM ? PRE_COPY : STOP_AND_COPY;
  }

  public String displayName() {
    return Names.kebab(this);
  }
}
