package org.ferry.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ferry.run.RunEvent;
import org.ferry.run.RunId;
import org.ferry.run.RunPage;
import org.ferry.run.RunQuery;
import org.ferry.run.RunRecord;
import org.ferry.run.RunStore.SequencedEvent;

/**
 * The reading side of {@link JdbcRunStore}: runs rebuilt by replaying their journaled events,
 * pages of runs filtered and ordered in SQL, and the journal for clients catching up.
 *
 * <p>An ended run's record is its queued, started and ended events replayed: the ended event's
 * report carries every step and move, so the events between need not be read.
 */
final class StoredRuns {

  /** The events a run's record is rebuilt from: all of a run in flight, three of an ended one. */
  private static final String REPLAYED = "(r.status <> 'ENDED'"
      + " OR e.type IN ('queued', 'started', 'ended'))";

  private final RunDatabase database;
  private final EventJson json;

  StoredRuns(RunDatabase database, EventJson json) {
    this.database = database;
    this.json = json;
  }

  /** The highest sequence number stored, 0 for an empty store. */
  long lastSequence() {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement max = c.prepareStatement(
            "SELECT COALESCE(MAX(sequence), 0) FROM run_events");
        ResultSet row = max.executeQuery()) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw database.failed("read the last sequence number", e);
    }
  }

  boolean exists(Connection c, RunId run) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM runs WHERE id = ?")) {
      select.setString(1, run.value());
      try (ResultSet row = select.executeQuery()) {
        return row.next();
      }
    }
  }

  Optional<RunRecord> find(RunId id) {
    try (Connection c = database.dataSource().getConnection()) {
      return Optional.ofNullable(replay(c, List.of(id.value())).get(id.value()));
    } catch (SQLException e) {
      throw database.failed("read run " + id, e);
    }
  }

  RunPage list(RunQuery query) {
    Filter filter = Filter.of(query);
    try (Connection c = database.dataSource().getConnection()) {
      int total;
      try (PreparedStatement count =
          c.prepareStatement("SELECT COUNT(*) FROM runs" + filter.where())) {
        filter.bind(count, 1);
        try (ResultSet row = count.executeQuery()) {
          row.next();
          total = row.getInt(1);
        }
      }
      int from = Math.min(query.offset(), total);
      List<String> ids = new ArrayList<>();
      try (PreparedStatement page = c.prepareStatement("SELECT id FROM runs" + filter.where()
          + " ORDER BY position DESC LIMIT ? OFFSET ?")) {
        int next = filter.bind(page, 1);
        page.setInt(next, query.limit());
        page.setInt(next + 1, from);
        try (ResultSet rows = page.executeQuery()) {
          while (rows.next()) {
            ids.add(rows.getString(1));
          }
        }
      }
      Map<String, RunRecord> records = replay(c, ids);
      List<RunRecord> runs = ids.stream().map(records::get).filter(r -> r != null).toList();
      return new RunPage(runs, total, from);
    } catch (SQLException e) {
      throw database.failed("list runs", e);
    }
  }

  List<SequencedEvent> events(Optional<RunId> run, long afterSequence, int max) {
    if (max < 0) {
      throw new IllegalArgumentException("max must be 0 or more, got " + max);
    }
    if (max == 0) {
      return List.of();
    }
    String sql = "SELECT sequence, body FROM run_events WHERE sequence > ?"
        + (run.isPresent() ? " AND run_id = ?" : "") + " ORDER BY sequence LIMIT ?";
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      int i = 1;
      select.setLong(i++, afterSequence);
      if (run.isPresent()) {
        select.setString(i++, run.get().value());
      }
      select.setInt(i, max);
      List<SequencedEvent> events = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          events.add(new SequencedEvent(rows.getLong(1), json.read(rows.getString(2))));
        }
      }
      return events;
    } catch (SQLException e) {
      throw database.failed("read the events after " + afterSequence, e);
    }
  }

  /** The runs of those ids that exist, rebuilt from their events, by id. */
  private Map<String, RunRecord> replay(Connection c, List<String> ids) throws SQLException {
    if (ids.isEmpty()) {
      return Map.of();
    }
    String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
    Map<String, RunRecord> records = new LinkedHashMap<>();
    try (PreparedStatement select = c.prepareStatement("SELECT e.run_id, e.body"
        + " FROM run_events e JOIN runs r ON r.id = e.run_id"
        + " WHERE e.run_id IN (" + marks + ") AND " + REPLAYED + " ORDER BY e.sequence")) {
      for (int i = 0; i < ids.size(); i++) {
        select.setString(i + 1, ids.get(i));
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          RunEvent event = json.read(rows.getString(2));
          RunRecord known = records.get(rows.getString(1));
          records.put(rows.getString(1), known == null ? start(event) : known.apply(event));
        }
      }
    }
    return records;
  }

  /** A run's record from its first stored event, which is always its queued one. */
  private static RunRecord start(RunEvent event) {
    if (!(event instanceof RunEvent.Queued queued)) {
      throw new IllegalStateException("run " + event.run() + " is stored without its queued"
          + " event (the first is " + event.type() + "): the journal is damaged");
    }
    return RunRecord.queued(queued.run(), queued.trigger(), queued.at());
  }

  /** A query's filters as a WHERE clause and its parameters. */
  private record Filter(RunQuery query) {

    static Filter of(RunQuery query) {
      return new Filter(query);
    }

    String where() {
      List<String> terms = new ArrayList<>();
      query.status().ifPresent(s -> terms.add("status = ?"));
      query.trigger().ifPresent(k -> terms.add("kind = ?"));
      query.since().ifPresent(t -> terms.add("queued_ns >= ?"));
      query.until().ifPresent(t -> terms.add("queued_ns < ?"));
      query.vnf().ifPresent(v -> terms.add("EXISTS (SELECT 1 FROM run_vnfs v"
          + " WHERE v.run_id = runs.id AND v.vnf = ?)"));
      return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
    }

    /** Binds the parameters in the order of {@link #where()}; returns the next index. */
    int bind(PreparedStatement statement, int first) throws SQLException {
      int i = first;
      if (query.status().isPresent()) {
        statement.setString(i++, query.status().get().name());
      }
      if (query.trigger().isPresent()) {
        statement.setString(i++, query.trigger().get().name());
      }
      if (query.since().isPresent()) {
        statement.setLong(i++, EpochNanos.clamped(query.since().get()));
      }
      if (query.until().isPresent()) {
        statement.setLong(i++, EpochNanos.clamped(query.until().get()));
      }
      if (query.vnf().isPresent()) {
        statement.setString(i++, query.vnf().get().value());
      }
      return i;
    }
  }
}
