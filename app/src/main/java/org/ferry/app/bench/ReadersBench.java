package org.ferry.app.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many API readers at once: each client, on its own virtual thread, reads {@code /api/v1/runs}
 * and {@code /api/v1/lightpaths} in turn until it has made its requests or the time is up, over
 * one shared HTTP/1.1 client on loopback (a connection per client in flight). Prints the
 * latency percentiles of every request, the count and the errors.
 */
public final class ReadersBench {

  /** The target: p99 at most this, and no errors. */
  public static final Duration TARGET_P99 = Duration.ofMillis(50);

  private static final List<String> PATHS = List.of("/api/v1/runs", "/api/v1/lightpaths");
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final int WARM_UP_CLIENTS = 10;
  private static final int WARM_UP_REQUESTS = 100;

  /**
   * What the readers saw.
   *
   * @param latency every request
   * @param first each client's first request, which opens its connection
   * @param later the requests after, on connections kept alive
   */
  public record Result(Percentiles latency, Percentiles first, Percentiles later, int errors,
      Map<String, Integer> errorKinds) {
    public boolean met() {
      return errors == 0 && latency.p99() <= TARGET_P99.toMillis();
    }
  }

  private final PrintWriter out;

  public ReadersBench(PrintWriter out) {
    this.out = out;
  }

  /**
   * @param base the server, e.g. {@code http://127.0.0.1:8080}
   * @param token a viewer's bearer token
   * @param clients how many readers at once
   * @param requestsPerClient each reader's bound on requests
   * @param bound each reader's bound on time
   */
  public Result run(URI base, String token, int clients, int requestsPerClient, Duration bound) {
    // A server has served requests before anyone measures it: warm its request path (and the
    // JIT) with a few readers first, and leave their figures out.
    read(base, token, Math.min(WARM_UP_CLIENTS, clients), WARM_UP_REQUESTS, bound, new Tally());
    Tally tally = new Tally();
    long start = System.nanoTime();
    read(base, token, clients, requestsPerClient, bound, tally);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (tally.millis.isEmpty()) {
      throw new IllegalStateException("the readers made no request within " + bound);
    }
    // The later requests: every one but each client's first (a multiset difference).
    List<Double> later = new ArrayList<>(tally.millis);
    tally.firstMillis.forEach(later::remove);
    Result result = new Result(Percentiles.of(tally.millis), Percentiles.of(tally.firstMillis),
        Percentiles.of(later.isEmpty() ? tally.firstMillis : later), tally.errors.get(),
        Map.copyOf(tally.errorKinds));
    print(result, clients, seconds);
    return result;
  }

  /** What the readers of one round saw; written by every reader at once. */
  private static final class Tally {
    final ConcurrentLinkedQueue<Double> millis = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Double> firstMillis = new ConcurrentLinkedQueue<>();
    final AtomicInteger errors = new AtomicInteger();
    final Map<String, Integer> errorKinds = new ConcurrentHashMap<>();

    void note(int request, double ms, String failure) {
      millis.add(ms);
      if (request == 0) {
        firstMillis.add(ms);
      }
      if (failure != null) {
        errors.incrementAndGet();
        errorKinds.merge(failure, 1, Integer::sum);
      }
    }
  }

  /** Runs the readers to their bounds over one fresh client, so every reader connects anew. */
  private static void read(URI base, String token, int clients, int requestsPerClient,
      Duration bound, Tally tally) {
    long deadline = System.nanoTime() + bound.toNanos();
    try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(REQUEST_TIMEOUT).build();
        ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int c = 0; c < clients; c++) {
        int first = c % PATHS.size();
        readers.submit(() -> {
          for (int i = 0; i < requestsPerClient && System.nanoTime() < deadline; i++) {
            HttpRequest request = HttpRequest.newBuilder(
                base.resolve(PATHS.get((first + i) % PATHS.size())))
                .header("Authorization", "Bearer " + token).timeout(REQUEST_TIMEOUT).build();
            long sent = System.nanoTime();
            String failure;
            try {
              HttpResponse<String> response =
                  http.send(request, HttpResponse.BodyHandlers.ofString());
              failure = response.statusCode() == 200 ? null : "HTTP " + response.statusCode();
            } catch (IOException e) {
              failure = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            }
            tally.note(i, (System.nanoTime() - sent) / 1e6, failure);
          }
        });
      }
    }
  }

  private void print(Result result, int clients, double seconds) {
    out.printf("readers: %d clients, %d requests in %.1f s (%.0f/s), errors %d%s%n", clients,
        result.latency().count(), seconds, result.latency().count() / seconds, result.errors(),
        result.errorKinds().isEmpty() ? "" : " " + result.errorKinds());
    out.printf("readers latency (GET runs and lightpaths): %s; target p99 <= %d ms, no errors:"
        + " %s%n", result.latency().describe("ms"), TARGET_P99.toMillis(),
        result.met() ? "met" : "MISSED");
    out.printf("  each client's first request (opens its connection): %s%n",
        result.first().describe("ms"));
    out.printf("  the later requests (connection kept alive): %s%n",
        result.later().describe("ms"));
    // Readers that ask again at once keep every one of them in flight: the mean latency is then
    // the clients over the throughput, whatever the handlers cost.
    out.printf("  %d readers always in flight at %.0f requests/s: a mean of %.1f ms by Little's"
        + " law%n", clients, result.latency().count() / seconds,
        clients / (result.latency().count() / seconds) * 1000);
    out.flush();
  }
}
