package org.ferry.persistence;

import java.nio.file.Path;
import org.ferry.run.RunStore;
import org.junit.jupiter.api.io.TempDir;

/** The contract on an H2 file database in a temporary directory, as the server keeps it. */
class H2RunStoreContractTest extends DurableRunStoreContract {

  @TempDir Path directory;

  @Override
  protected RunStore open() {
    return JdbcRunStore.open(RunDatabase.Target.h2File(directory));
  }

  @Override
  protected RunStore reopen() {
    return open();
  }
}
