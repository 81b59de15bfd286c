package org.ferry.app.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.ferry.model.report.MigrationOutcome;
import org.ferry.model.report.MoveRecord;
import org.ferry.model.report.PhaseRecord;
import org.ferry.model.report.Prediction;
import org.ferry.model.report.Provenance;
import org.ferry.model.report.RunReport;
import org.ferry.model.report.ServiceRecovery;
import org.ferry.model.report.StepRecord;

/**
 * {@code report.json}: every run with every step and figure. Times within a run are seconds since
 * the run began ({@code *_s}); sizes are megabytes ({@code *_mb}, 10^6 bytes). Every figure is an
 * object {@code {"value": ..., "source": "measured" | "predicted" | "simulated"}}. Numbers are
 * JSON numbers, in the context too. The file's shape is {@link #SCHEMA}, a JSON Schema shipped
 * with Ferry.
 */
public final class ReportJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The classpath resource of the JSON Schema (2020-12) every report.json follows. */
  public static final String SCHEMA = "/org/ferry/app/report/report.schema.json";

  private ReportJson() {}

  /**
   * @param context what the run was about (mode, setting), written under "context": each value
   *     a string, a number or a boolean, written as such
   */
  public static ObjectNode toJson(List<RunReport> runs, Map<String, ?> context) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", "ferry-report/1");
    ObjectNode ctx = root.putObject("context");
    context.forEach((key, value) -> ctx.set(key, MAPPER.valueToTree(value)));
    ArrayNode runArray = root.putArray("runs");
    runs.forEach(run -> runArray.add(run(run)));
    return root;
  }

  public static void write(List<RunReport> runs, Map<String, ?> context, Path file)
      throws IOException {
    MAPPER.writeValue(file.toFile(), toJson(runs, context));
  }

  private static ObjectNode run(RunReport run) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", run.runId());
    node.put("kind", run.kind().name().toLowerCase());
    node.put("trigger", run.trigger());
    node.put("outcome", run.outcome().name().toLowerCase());
    node.put("success", run.outcome().success());
    node.put("message", run.message());
    node.put("started", run.started().toString());
    node.put("finished", run.finished().toString());
    node.put("elapsed_s", Figures.secondsValue(run.elapsed()));
    ArrayNode steps = node.putArray("steps");
    for (StepRecord step : run.steps()) {
      ObjectNode s = steps.addObject();
      s.put("seq", step.sequence());
      s.put("step", step.step().displayName());
      s.put("subject", step.subject());
      s.put("start_s", since(run.started(), step.start()));
      s.put("end_s", since(run.started(), step.end()));
      s.put("status", step.status().displayName());
      s.put("detail", step.detail());
    }
    ArrayNode moves = node.putArray("moves");
    run.moves().forEach(m -> moves.add(move(m, run.started())));
    return node;
  }

  private static ObjectNode move(MoveRecord move, Instant origin) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("vnf", move.vnf().id().value());
    node.put("kind", move.vnf().kind().name());
    node.put("virtualization", move.vnf().virtualization().displayName());
    node.put("flavor", move.vnf().flavor().displayName());
    node.put("interface", move.vnf().backhaul().displayName());
    node.put("from", move.vnf().placement().toString());
    node.put("to", move.destination().toString());
    node.put("status", move.status().name().toLowerCase());
    move.failure().ifPresent(f -> node.put("failure", f));
    move.prediction().ifPresent(p -> node.set("predicted", prediction(p)));
    move.outcome().ifPresent(o -> outcome(node, o, origin));
    move.ueRecovery().ifPresent(r -> node.set("ue_recovery", ueRecovery(r)));
    return node;
  }

  private static void outcome(ObjectNode node, MigrationOutcome o, Instant origin) {
    node.put("approach", o.approach().displayName());
    node.set("migration_s", figure(Figures.secondsValue(o.migrationTime()), o.source()));
    node.set("downtime_s", figure(Figures.secondsValue(o.downtime().value()),
        o.downtime().source()));
    node.set("bytes_moved_mb", figure(Figures.megabytesValue(o.bytesMoved()), o.source()));
    ArrayNode phases = node.putArray("phases");
    for (PhaseRecord phase : o.phases()) {
      ObjectNode p = phases.addObject();
      p.put("phase", phase.phase().displayName());
      p.put("start_s", since(origin, phase.start()));
      p.put("end_s", since(origin, phase.end()));
      p.set("duration_s", figure(Figures.secondsValue(phase.duration()), phase.source()));
      p.set("bytes_mb", figure(Figures.megabytesValue(phase.bytesMoved()), phase.source()));
    }
  }

  private static ObjectNode prediction(Prediction p) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("approach", p.approach().displayName());
    node.set("migration_s", figure(Figures.secondsValue(p.migrationTime()), Provenance.PREDICTED));
    node.set("downtime_s", figure(Figures.secondsValue(p.downtime()), Provenance.PREDICTED));
    node.set("bytes_moved_mb", figure(Figures.megabytesValue(p.bytesMoved()),
        Provenance.PREDICTED));
    node.put("convergence", p.convergence().displayName());
    p.ueServiceRecovery().ifPresent(srt ->
        node.set("ue_srt_s", figure(Figures.secondsValue(srt), Provenance.PREDICTED)));
    ObjectNode phases = node.putObject("phases_s");
    p.phases().forEach((phase, estimate) -> phases.set(phase.displayName(),
        figure(Figures.secondsValue(estimate.duration()), Provenance.PREDICTED)));
    return node;
  }

  private static ObjectNode ueRecovery(ServiceRecovery r) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("ues", r.ues());
    node.set("srt_s", figure(Figures.secondsValue(r.longestGap()), r.source()));
    node.put("reattached", r.reattached());
    return node;
  }

  private static ObjectNode figure(double value, Provenance source) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("value", value);
    node.put("source", source.displayName());
    return node;
  }

  private static double since(Instant origin, Instant t) {
    return Figures.secondsValue(Duration.between(origin, t));
  }
}
