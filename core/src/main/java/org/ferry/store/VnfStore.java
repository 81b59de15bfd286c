package org.ferry.store;

import java.util.List;
import java.util.Optional;
import org.ferry.model.vnf.Vnf;
import org.ferry.model.vnf.VnfId;

/**
 * The inventory of VNFs and where each runs. The workflows read it to decide and update it after
 * every move, so it always says where a VNF is.
 *
 * <p>Implementations are thread-safe.
 */
public interface VnfStore {

  /** Every VNF, ordered by id. */
  List<Vnf> all();

  /** One VNF, or empty if unknown. */
  Optional<Vnf> find(VnfId id);

  /** Adds or replaces a VNF. */
  void put(Vnf vnf);

  /** The VNF, or an {@link IllegalArgumentException} that lists the known ids. */
  default Vnf require(VnfId id) {
    return find(id)
        .orElseThrow(() -> new IllegalArgumentException(
            "unknown VNF '" + id + "'; known VNFs: " + all().stream().map(Vnf::id).toList()));
  }
}
