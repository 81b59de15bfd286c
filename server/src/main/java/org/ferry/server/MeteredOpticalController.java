package org.ferry.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.ferry.model.network.Lightpath;
import org.ferry.model.network.LightpathId;
import org.ferry.seam.optical.ForwardingOpticalController;
import org.ferry.seam.optical.OpticalController;
import org.ferry.seam.optical.RestorationResult;
import org.ferry.seam.optical.TemporaryLightpathRequest;

/**
 * An optical controller that times every request it passes on: {@code ferry.optical.requests}
 * (a timer with p50/p90/p99) tagged with the operation and its outcome, "ok" or the exception's
 * simple name. Put it in the run service's southbound so the server's /metrics shows how the
 * controller answers. The topology is the inventory's and listeners are local: neither is timed.
 * Thread-safe as the controller it wraps.
 */
public final class MeteredOpticalController extends ForwardingOpticalController {

  private final OpticalController controller;
  private final MeterRegistry registry;

  public MeteredOpticalController(OpticalController controller, MeterRegistry registry) {
    super(controller);
    this.controller = controller;
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public List<Lightpath> lightpaths() {
    return timed("lightpaths", controller::lightpaths);
  }

  @Override
  public Optional<Lightpath> lightpath(LightpathId id) {
    return timed("lightpath", () -> controller.lightpath(id));
  }

  @Override
  public RestorationResult restore(LightpathId id) {
    return timed("restore", () -> controller.restore(id));
  }

  @Override
  public Lightpath setUpTemporary(TemporaryLightpathRequest request) {
    return timed("temp-service-create", () -> controller.setUpTemporary(request));
  }

  @Override
  public void release(LightpathId id) {
    timed("temp-service-delete", () -> {
      controller.release(id);
      return null;
    });
  }

  private <T> T timed(String operation, Supplier<T> call) {
    long start = System.nanoTime();
    String outcome = "ok";
    try {
      return call.get();
    } catch (RuntimeException e) {
      outcome = e.getClass().getSimpleName();
      throw e;
    } finally {
      Timer.builder("ferry.optical.requests").description("Requests to the optical controller")
          .tag("operation", operation).tag("outcome", outcome)
          .publishPercentiles(0.5, 0.9, 0.99).register(registry)
          .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
  }
}
