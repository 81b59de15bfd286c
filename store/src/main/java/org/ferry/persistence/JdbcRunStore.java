package org.ferry.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.ferry.model.report.MoveRecord;
import org.ferry.model.vnf.VnfId;
import org.ferry.run.RunEvent;
import org.ferry.run.RunId;
import org.ferry.run.RunPage;
import org.ferry.run.RunQuery;
import org.ferry.run.RunRecord;
import org.ferry.run.RunStatus;
import org.ferry.run.RunStore;

/**
 * A run store in a database: each event is journaled in its own transaction before {@link
 * #append} returns, so that what a run had done is known after a crash, and runs read back as
 * an {@link org.ferry.run.InMemoryRunStore} given the same events would give them.
 *
 * <p>Sequence numbers go on from the highest stored when the store opens. Appends are
 * serialized in this process, so that events commit in the order of their sequence and a client
 * catching up never sees a later event before an earlier one. One process writes a database at
 * a time: H2 locks its file; on PostgreSQL, do not point two servers at the same database.
 *
 * <p>Closing the store closes its database.
 */
public final class JdbcRunStore implements RunStore, AutoCloseable {

  private final RunDatabase database;
  private final EventJson json = new EventJson();
  private final StoredRuns reads;
  /** Guards {@link #lastSequence} and makes appends commit in sequence order. */
  private final ReentrantLock appending = new ReentrantLock();
  private long lastSequence;
  /**
   * Runs known to be stored, so that an event of a run in flight needs no look-up: runs are
   * never deleted and this process is the only writer. Guarded by {@link #appending}.
   */
  private final Set<RunId> stored = new HashSet<>();

  /** A store over an open database, whose schema is this Ferry's. */
  public JdbcRunStore(RunDatabase database) {
    this.database = Objects.requireNonNull(database, "database");
    this.reads = new StoredRuns(database, json);
    this.lastSequence = reads.lastSequence();
  }

  /** Opens the database (see {@link RunDatabase#open}) and a store over it. */
  public static JdbcRunStore open(RunDatabase.Target target) {
    return new JdbcRunStore(RunDatabase.open(target));
  }

  /**
   * {@inheritDoc}
   *
   * @throws RunDatabaseException if the database fails the write; the event is then not stored
   *     and its sequence number not used
   */
  @Override
  public long append(RunEvent event) {
    Objects.requireNonNull(event, "event");
    String body = json.write(event);
    appending.lock();
    try (Connection c = database.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try {
        long sequence = lastSequence + 1;
        boolean added = journal(c, event, body, sequence);
        c.commit();
        lastSequence = sequence;
        if (added) {
          stored.add(event.run());
        }
        return sequence;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw database.failed("append " + event.type() + " of run " + event.run(), e);
    } finally {
      appending.unlock();
    }
  }

  /** Writes the event and what it changes; whether its run is known from now on. */
  private boolean journal(Connection c, RunEvent event, String body, long sequence)
      throws SQLException {
    boolean known = stored.contains(event.run()) || reads.exists(c, event.run());
    if (!known) {
      if (!(event instanceof RunEvent.Queued queued)) {
        throw new IllegalArgumentException("no run " + event.run() + " to apply "
            + event.type() + " to; a run begins with its queued event");
      }
      insertRun(c, queued, sequence);
    }
    try (PreparedStatement insert = c.prepareStatement(
        "INSERT INTO run_events (sequence, run_id, type, body) VALUES (?, ?, ?, ?)")) {
      insert.setLong(1, sequence);
      insert.setString(2, event.run().value());
      insert.setString(3, event.type());
      insert.setString(4, body);
      insert.executeUpdate();
    }
    switch (event) {
      case RunEvent.Started s -> setStatus(c, event.run(), RunStatus.RUNNING);
      case RunEvent.MoveEnded m -> addVnfs(c, event.run(), Set.of(m.move().vnf().id()));
      case RunEvent.Ended e -> {
        setStatus(c, event.run(), RunStatus.ENDED);
        Set<VnfId> moved = new HashSet<>();
        for (MoveRecord move : e.report().moves()) {
          moved.add(move.vnf().id());
        }
        addVnfs(c, event.run(), moved);
      }
      default -> { }
    }
    return !stored.contains(event.run());
  }

  private static void insertRun(Connection c, RunEvent.Queued queued, long sequence)
      throws SQLException {
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO runs"
        + " (id, position, kind, status, queued_ns) VALUES (?, ?, ?, ?, ?)")) {
      insert.setString(1, queued.run().value());
      insert.setLong(2, sequence);
      insert.setString(3, queued.trigger().kind().name());
      insert.setString(4, RunStatus.QUEUED.name());
      insert.setLong(5, EpochNanos.exact(queued.at()));
      insert.executeUpdate();
    }
    addVnfs(c, queued.run(), queued.trigger().vnfs());
  }

  private static void setStatus(Connection c, RunId run, RunStatus status) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement("UPDATE runs SET status = ? WHERE id = ?")) {
      update.setString(1, status.name());
      update.setString(2, run.value());
      update.executeUpdate();
    }
  }

  /** Adds the VNFs the run does not list yet. */
  private static void addVnfs(Connection c, RunId run, Set<VnfId> vnfs) throws SQLException {
    if (vnfs.isEmpty()) {
      return;
    }
    Set<String> missing = new HashSet<>();
    vnfs.forEach(v -> missing.add(v.value()));
    try (PreparedStatement known =
        c.prepareStatement("SELECT vnf FROM run_vnfs WHERE run_id = ?")) {
      known.setString(1, run.value());
      try (ResultSet rows = known.executeQuery()) {
        while (rows.next()) {
          missing.remove(rows.getString(1));
        }
      }
    }
    try (PreparedStatement insert =
        c.prepareStatement("INSERT INTO run_vnfs (run_id, vnf) VALUES (?, ?)")) {
      for (String vnf : missing) {
        insert.setString(1, run.value());
        insert.setString(2, vnf);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  @Override
  public Optional<RunRecord> find(RunId id) {
    return reads.find(Objects.requireNonNull(id, "id"));
  }

  @Override
  public RunPage list(RunQuery query) {
    return reads.list(Objects.requireNonNull(query, "query"));
  }

  @Override
  public List<SequencedEvent> events(Optional<RunId> run, long afterSequence, int max) {
    return reads.events(Objects.requireNonNull(run, "run"), afterSequence, max);
  }

  /** The database's URL, without any password: for a log line or an error. */
  public String url() {
    return database.url();
  }

  @Override
  public void close() {
    database.close();
  }
}
