package org.ferry.store;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.ferry.model.vnf.Vnf;
import org.ferry.model.vnf.VnfId;

/** A {@link VnfStore} in memory, for the simulated mode and tests. */
public final class InMemoryVnfStore implements VnfStore {

  private final ConcurrentSkipListMap<VnfId, Vnf> vnfs = new ConcurrentSkipListMap<>();

  public InMemoryVnfStore(List<Vnf> initial) {
    initial.forEach(this::put);
  }

  @Override
  public List<Vnf> all() {
    return List.copyOf(vnfs.values());
  }

  @Override
  public Optional<Vnf> find(VnfId id) {
    return Optional.ofNullable(vnfs.get(id));
  }

  @Override
  public void put(Vnf vnf) {
    vnfs.put(vnf.id(), vnf);
  }
}
