package org.ferry.persistence;

import org.ferry.run.RunStore;

/**
 * The contract on a real PostgreSQL server (see {@link PostgresTarget}); skipped, saying how to
 * run it, when none is given.
 */
class PostgresRunStoreContractTest extends DurableRunStoreContract {

  @Override
  protected RunStore open() throws Exception {
    RunDatabase.Target target = PostgresTarget.required();
    PostgresTarget.empty(target);
    return JdbcRunStore.open(target);
  }

  @Override
  protected RunStore reopen() {
    return JdbcRunStore.open(PostgresTarget.required());
  }
}
