package org.ferry.server;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.ferry.model.network.SiteId;
import org.ferry.model.report.RunReport;
import org.ferry.model.vnf.VnfId;
import org.ferry.run.CancelResult;
import org.ferry.run.RunId;
import org.ferry.run.RunQuery;
import org.ferry.run.RunRecord;
import org.ferry.run.RunService;
import org.ferry.run.RunStatus;
import org.ferry.run.Trigger;
import org.ferry.server.auth.Role;
import org.ferry.workflow.RejectedRequestException;

/**
 * {@code /api/v1/runs}: list runs with filters, read one, start a planned move or ask a what-if,
 * cancel a run. A rejected request changes nothing.
 */
final class RunsResource {

  static final String RUNS = FerryServer.API + "/runs";

  private final RunService runs;
  private final WhatIf whatIf;

  RunsResource(RunService runs, WhatIf whatIf) {
    this.runs = runs;
    this.whatIf = whatIf;
  }

  /**
   * The body of POST runs.
   *
   * @param type "planned-move" (starts a run) or "what-if" (predicts, changes nothing)
   * @param vnfs the VNFs to move, at least one
   * @param destination the compute site to move them to
   */
  record RunRequest(String type, List<String> vnfs, String destination) {}

  List<Route> routes() {
    return List.of(
        Route.of(GET, RUNS, Role.VIEWER, "List runs, newest first; filters: status, trigger,"
            + " vnf, since, until, offset, limit", List.of(200, 400), this::list),
        Route.of(POST, RUNS, Role.OPERATOR, "Start a planned move (202) or ask a what-if (200)",
            List.of(200, 202, 400, 409, 413, 415, 503), this::create),
        Route.of(GET, RUNS + "/{id}", Role.VIEWER, "One run with its steps, current steps and"
            + " moves", List.of(200, 404), this::one),
        Route.of(POST, RUNS + "/{id}/cancel", Role.OPERATOR, "Ask a run to stop",
            List.of(200, 202, 404), this::cancel));
  }

  private void list(Context ctx) {
    Optional<RunStatus> status = param(ctx, "status", s -> parseEnum(RunStatus.class, s));
    Optional<RunReport.Kind> trigger = param(ctx, "trigger",
        s -> parseEnum(RunReport.Kind.class, s));
    Optional<VnfId> vnf = param(ctx, "vnf", VnfId::of);
    Optional<Instant> since = param(ctx, "since", Instant::parse);
    Optional<Instant> until = param(ctx, "until", Instant::parse);
    int offset = param(ctx, "offset", Integer::parseInt).orElse(0);
    int limit = param(ctx, "limit", Integer::parseInt).orElse(50);
    RunQuery query;
    try {
      query = new RunQuery(status, trigger, vnf, since, until, offset, limit);
    } catch (IllegalArgumentException e) {
      String field = e.getMessage().startsWith("offset") ? "offset" : "limit";
      throw Problem.of(400, "Invalid parameter", e.getMessage()).withField(field).toException();
    }
    WireJson.answer(ctx, 200, RunViews.page(runs.store().list(query), limit));
  }

  private void one(Context ctx) {
    WireJson.answer(ctx, 200, RunViews.full(find(ctx)));
  }

  private void create(Context ctx) {
    JsonNode body = WireJson.tree(ctx);
    RunRequest request = WireJson.read(body, RunRequest.class);
    if (request.type() == null) {
      throw missing("type");
    }
    if (request.vnfs() == null || request.vnfs().isEmpty()) {
      throw missing("vnfs");
    }
    if (request.destination() == null) {
      throw missing("destination");
    }
    Set<VnfId> vnfs = new TreeSet<>();
    for (String v : request.vnfs()) {
      vnfs.add(valid("vnfs", () -> VnfId.of(v)));
    }
    SiteId destination = valid("destination", () -> SiteId.of(request.destination()));
    try {
      switch (request.type()) {
        case "planned-move" -> {
          RunId id = runs.submit(Trigger.PlannedMove.of(vnfs, destination));
          ObjectNode answer = WireJson.object();
          answer.put("id", id.value());
          answer.put("location", RUNS + "/" + id.value());
          ctx.header("Location", RUNS + "/" + id.value());
          WireJson.answer(ctx, 202, answer);
        }
        case "what-if" -> WireJson.answer(ctx, 200, whatIf.predict(vnfs, destination));
        default -> throw Problem.of(400, "Invalid field", "unknown run type '" + request.type()
            + "'").withField("type").withFix("use planned-move or what-if").toException();
      }
    } catch (RejectedRequestException e) {
      throw Problem.of(409, "Request rejected", e.getMessage()).withField(e.field())
          .toException();
    }
  }

  private void cancel(Context ctx) {
    RunId id = runId(ctx);
    CancelResult result = runs.cancel(id);
    if (result == CancelResult.UNKNOWN) {
      throw unknown(id);
    }
    ObjectNode answer = WireJson.object();
    answer.put("id", id.value());
    answer.put("result", WireJson.name(result));
    WireJson.answer(ctx, result == CancelResult.REQUESTED ? 202 : 200, answer);
  }

  private RunRecord find(Context ctx) {
    RunId id = runId(ctx);
    return runs.store().find(id).orElseThrow(() -> unknown(id));
  }

  private static RunId runId(Context ctx) {
    String raw = ctx.pathParam("id");
    try {
      return RunId.of(raw);
    } catch (IllegalArgumentException e) {
      throw Problem.of(404, "Unknown run", "no run '" + raw + "'").toException();
    }
  }

  private static Problem.Exception unknown(RunId id) {
    return Problem.of(404, "Unknown run", "no run " + id).withFix("GET " + RUNS
        + " lists the runs").toException();
  }

  private static Problem.Exception missing(String field) {
    return Problem.of(400, "Missing field", "the request needs '" + field + "'")
        .withField(field).toException();
  }

  private static <T> T valid(String field, java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw Problem.of(400, "Invalid field", e.getMessage()).withField(field).toException();
    }
  }

  private static <T> Optional<T> param(Context ctx, String name, Function<String, T> parse) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse.apply(raw));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw Problem.of(400, "Invalid parameter", "query parameter " + name + "='" + raw + "': "
          + e.getMessage()).withField(name).toException();
    }
  }

  /** "fault-recovery" or "FAULT_RECOVERY" both name FAULT_RECOVERY. */
  private static <E extends Enum<E>> E parseEnum(Class<E> type, String raw) {
    for (E e : type.getEnumConstants()) {
      if (WireJson.name(e).equalsIgnoreCase(raw) || e.name().equalsIgnoreCase(raw)) {
        return e;
      }
    }
    throw new IllegalArgumentException("one of " + java.util.Arrays.stream(
        type.getEnumConstants()).map(WireJson::name).toList());
  }
}
