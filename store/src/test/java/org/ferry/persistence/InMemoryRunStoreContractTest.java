package org.ferry.persistence;

import org.ferry.run.InMemoryRunStore;
import org.ferry.run.RunStore;

/** The contract holds for the in-memory store, which the others are compared with. */
class InMemoryRunStoreContractTest extends RunStoreContract {

  @Override
  protected RunStore open() {
    return new InMemoryRunStore();
  }
}
