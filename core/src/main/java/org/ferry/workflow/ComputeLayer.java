package org.ferry.workflow;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ferry.model.vnf.Virtualization;
import org.ferry.model.vnf.Vnf;
import org.ferry.seam.compute.Vim;

/** The VIMs Ferry drives, one per packaging: the table a VNF's VIM is looked up in. */
public final class ComputeLayer {

  private final Map<Virtualization, Vim> vims = new EnumMap<>(Virtualization.class);

  /** @throws IllegalArgumentException if two VIMs serve the same packaging */
  public ComputeLayer(List<Vim> vims) {
    for (Vim vim : vims) {
      Vim previous = this.vims.putIfAbsent(vim.virtualization(), vim);
      if (previous != null) {
        throw new IllegalArgumentException(
            "both " + previous.name() + " and " + vim.name() + " serve "
                + vim.virtualization().displayName() + "s; give each packaging one VIM");
      }
    }
  }

  /**
   * The VIM that runs {@code vnf}.
   *
   * @throws IllegalStateException if no VIM runs this packaging
   */
  public Vim vimFor(Vnf vnf) {
    Vim vim = vims.get(vnf.virtualization());
    if (vim == null) {
      throw new IllegalStateException(
          "no VIM is configured for " + vnf.virtualization().displayName() + "s (needed by "
              + vnf.id() + ")");
    }
    return vim;
  }
}
