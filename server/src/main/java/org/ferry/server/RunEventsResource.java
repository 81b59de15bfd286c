package org.ferry.server;

import static io.javalin.http.HandlerType.GET;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.ferry.run.RunEvent;
import org.ferry.run.RunId;
import org.ferry.run.RunStore;
import org.ferry.server.auth.Role;

/**
 * {@code /api/v1/runs/events} and {@code /api/v1/runs/{id}/events}: the run events as
 * server-sent events ({@code text/event-stream}). Each event carries {@code id:} (its sequence
 * number in the run store), {@code event:} (its type: queued, started, step-started,
 * step-progress, step-ended, move-ended, ended) and {@code data:} (it, as JSON). A client that
 * reconnects with {@code Last-Event-ID} first gets what it missed from the store, then the live
 * events. One run's stream ends after that run's "ended".
 */
final class RunEventsResource {

  private static final long KEEP_ALIVE_MILLIS = 10_000;
  private static final int CATCH_UP_BATCH = 500;

  private final RunStore store;
  private final EventHub hub;

  RunEventsResource(RunStore store, EventHub hub) {
    this.store = store;
    this.hub = hub;
  }

  List<Route> routes() {
    return List.of(
        Route.of(GET, RunsResource.RUNS + "/events", Role.VIEWER, "Every run's events, as"
            + " server-sent events", List.of(200), ctx -> stream(ctx, Optional.empty()))
            .producing("text/event-stream"),
        Route.of(GET, RunsResource.RUNS + "/{id}/events", Role.VIEWER, "One run's events, as"
            + " server-sent events; the stream ends with the run", List.of(200, 404),
            ctx -> stream(ctx, Optional.of(known(ctx)))).producing("text/event-stream"));
  }

  private RunId known(Context ctx) {
    String raw = ctx.pathParam("id");
    try {
      RunId id = RunId.of(raw);
      if (store.find(id).isPresent()) {
        return id;
      }
    } catch (IllegalArgumentException e) {
      // not a run id: unknown as well
    }
    throw Problem.of(404, "Unknown run", "no run '" + raw + "'").toException();
  }

  private void stream(Context ctx, Optional<RunId> run) throws IOException, InterruptedException {
    long after = lastEventId(ctx);
    // Join before catching up, so nothing falls between the store's answer and the live events.
    EventHub.Client client = hub.join(run);
    try {
      ctx.res().setStatus(200);
      ctx.res().setContentType("text/event-stream;charset=utf-8");
      ctx.res().setHeader("Cache-Control", "no-cache");
      OutputStream out = ctx.res().getOutputStream();
      out.write(": ferry run events\n\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      while (true) {
        List<RunStore.SequencedEvent> missed = store.events(run, after, CATCH_UP_BATCH);
        for (RunStore.SequencedEvent e : missed) {
          after = e.sequence();
          if (send(out, e, run)) {
            return;
          }
        }
        if (missed.size() < CATCH_UP_BATCH) {
          break;
        }
      }
      while (true) {
        Optional<RunStore.SequencedEvent> next;
        try {
          next = client.take(KEEP_ALIVE_MILLIS);
        } catch (IllegalStateException closedOrDropped) {
          return;
        }
        if (next.isEmpty()) {
          out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
          out.flush();
        } else if (next.get().sequence() > after) {
          after = next.get().sequence();
          if (send(out, next.get(), run)) {
            return;
          }
        }
      }
    } catch (IOException clientGone) {
      // The client hung up: nothing to answer.
    } finally {
      client.leave();
    }
  }

  /** Writes one event; true if it ended the run this stream follows. */
  private static boolean send(OutputStream out, RunStore.SequencedEvent e, Optional<RunId> run)
      throws IOException {
    String frame = "id: " + e.sequence() + "\nevent: " + e.event().type() + "\ndata: "
        + RunViews.event(e.sequence(), e.event()) + "\n\n";
    out.write(frame.getBytes(StandardCharsets.UTF_8));
    out.flush();
    return run.isPresent() && e.event() instanceof RunEvent.Ended;
  }

  private static long lastEventId(Context ctx) {
    String raw = ctx.header("Last-Event-ID");
    if (raw == null || raw.isBlank()) {
      return 0;
    }
    try {
      return Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw Problem.of(400, "Invalid header", "Last-Event-ID must be an event's id, a number;"
          + " got '" + raw + "'").withField("Last-Event-ID").toException();
    }
  }
}
