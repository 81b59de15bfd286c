package org.ferry.server;

import static org.ferry.server.WireJson.name;
import static org.ferry.server.WireJson.object;
import static org.ferry.server.WireJson.seconds;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ferry.model.report.MigrationOutcome;
import org.ferry.model.report.MoveRecord;
import org.ferry.model.report.PhaseRecord;
import org.ferry.model.report.Prediction;
import org.ferry.model.report.Provenance;
import org.ferry.model.report.StepRecord;
import org.ferry.model.report.StepStart;
import org.ferry.run.RunEvent;
import org.ferry.run.RunPage;
import org.ferry.run.RunRecord;
import org.ferry.run.Trigger;

/**
 * Runs and their events as JSON. Instants are ISO-8601 UTC; every measured or predicted figure is
 * {@code {"value": ..., "source": "measured" | "predicted" | "simulated"}}.
 */
final class RunViews {

  private RunViews() {}

  static ObjectNode page(RunPage page, int limit) {
    ObjectNode node = object();
    node.put("total", page.total());
    node.put("offset", page.offset());
    node.put("limit", limit);
    ArrayNode runs = node.putArray("runs");
    page.runs().forEach(r -> runs.add(summary(r)));
    return node;
  }

  /** A run without its steps and moves: for lists. */
  static ObjectNode summary(RunRecord run) {
    ObjectNode node = object();
    node.put("id", run.id().value());
    node.set("trigger", trigger(run.trigger()));
    node.put("status", name(run.status()));
    node.put("queued", run.queued().toString());
    run.started().ifPresent(t -> node.put("started", t.toString()));
    run.report().ifPresent(r -> {
      node.put("finished", r.finished().toString());
      node.put("outcome", name(r.outcome()));
      node.put("success", r.outcome().success());
      node.put("message", r.message());
    });
    return node;
  }

  /** The whole run: steps ended, steps under way, moves with their figures. */
  static ObjectNode full(RunRecord run) {
    ObjectNode node = summary(run);
    ArrayNode steps = node.putArray("steps");
    run.steps().forEach(s -> steps.add(step(s)));
    ArrayNode current = node.putArray("current");
    run.current().forEach(s -> current.add(stepStart(s)));
    ArrayNode moves = node.putArray("moves");
    run.moves().forEach(m -> moves.add(move(m)));
    return node;
  }

  static ObjectNode trigger(Trigger trigger) {
    ObjectNode node = object();
    node.put("type", name(trigger.kind()));
    node.put("description", trigger.describe());
    switch (trigger) {
      case Trigger.FiberFailure f -> node.put("fiber", f.event().fiber().value());
      case Trigger.PlannedMove m -> {
        ArrayNode vnfs = node.putArray("vnfs");
        m.vnfs().forEach(v -> vnfs.add(v.value()));
        node.put("destination", m.destination().value());
      }
    }
    return node;
  }

  static ObjectNode step(StepRecord step) {
    ObjectNode node = object();
    node.put("seq", step.sequence());
    node.put("step", step.step().displayName());
    node.put("subject", step.subject());
    node.put("start", step.start().toString());
    node.put("end", step.end().toString());
    node.put("duration_s", seconds(step.duration()));
    node.put("status", step.status().displayName());
    node.put("detail", step.detail());
    return node;
  }

  static ObjectNode stepStart(StepStart step) {
    ObjectNode node = object();
    node.put("step", step.step().displayName());
    node.put("subject", step.subject());
    node.put("start", step.start().toString());
    if (!step.waitingFor().isEmpty()) {
      node.put("waiting_for", step.waitingFor());
    }
    return node;
  }

  static ObjectNode move(MoveRecord move) {
    ObjectNode node = object();
    node.put("vnf", move.vnf().id().value());
    node.put("kind", move.vnf().kind().name());
    node.put("virtualization", move.vnf().virtualization().displayName());
    node.put("from", move.vnf().placement().toString());
    node.put("to", move.destination().toString());
    node.put("status", name(move.status()));
    move.failure().ifPresent(f -> node.put("failure", f));
    move.prediction().ifPresent(p -> node.set("prediction", prediction(p)));
    move.outcome().ifPresent(o -> outcome(node, o));
    move.ueRecovery().ifPresent(r -> {
      ObjectNode ue = node.putObject("ue_recovery");
      ue.put("ues", r.ues());
      ue.set("srt_s", figure(seconds(r.longestGap()), r.source()));
      ue.put("reattached", r.reattached());
    });
    return node;
  }

  private static void outcome(ObjectNode node, MigrationOutcome o) {
    node.put("approach", o.approach().displayName());
    node.set("migration_s", figure(seconds(o.migrationTime()), o.source()));
    node.set("downtime_s", figure(seconds(o.downtime().value()), o.downtime().source()));
    node.set("bytes_moved_mb", figure(o.bytesMoved().megabytes(), o.source()));
    ArrayNode phases = node.putArray("phases");
    for (PhaseRecord phase : o.phases()) {
      ObjectNode p = phases.addObject();
      p.put("phase", phase.phase().displayName());
      p.put("start", phase.start().toString());
      p.put("end", phase.end().toString());
      p.set("duration_s", figure(seconds(phase.duration()), phase.source()));
      p.set("bytes_mb", figure(phase.bytesMoved().megabytes(), phase.source()));
    }
  }

  /** A prediction; every figure in it is of source "predicted". */
  static ObjectNode prediction(Prediction p) {
    ObjectNode node = object();
    node.put("approach", p.approach().displayName());
    node.set("migration_s", figure(seconds(p.migrationTime()), Provenance.PREDICTED));
    node.set("downtime_s", figure(seconds(p.downtime()), Provenance.PREDICTED));
    node.set("bytes_moved_mb", figure(p.bytesMoved().megabytes(), Provenance.PREDICTED));
    node.put("convergence", p.convergence().displayName());
    node.put("converges", p.converges());
    p.ueServiceRecovery().ifPresent(srt ->
        node.set("ue_srt_s", figure(seconds(srt), Provenance.PREDICTED)));
    return node;
  }

  static ObjectNode figure(double value, Provenance source) {
    ObjectNode node = object();
    node.put("value", value);
    node.put("source", source.displayName());
    return node;
  }

  /** One event, as the {@code data:} of its server-sent event. */
  static ObjectNode event(long sequence, RunEvent event) {
    ObjectNode node = object();
    node.put("sequence", sequence);
    node.put("type", event.type());
    node.put("run", event.run().value());
    node.put("at", event.at().toString());
    switch (event) {
      case RunEvent.Queued q -> node.set("trigger", trigger(q.trigger()));
      case RunEvent.Started s -> { }
      case RunEvent.StepStarted s -> node.set("step", stepStart(s.step()));
      case RunEvent.StepProgress p -> {
        node.set("step", stepStart(p.step()));
        node.put("elapsed_s", seconds(p.elapsed()));
      }
      case RunEvent.StepEnded e -> node.set("step", step(e.step()));
      case RunEvent.MoveEnded m -> node.set("move", move(m.move()));
      case RunEvent.Ended e -> {
        node.put("outcome", name(e.report().outcome()));
        node.put("message", e.report().message());
      }
    }
    return node;
  }
}
