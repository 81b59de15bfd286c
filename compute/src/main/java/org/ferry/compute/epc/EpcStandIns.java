package org.ferry.compute.epc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.ferry.compute.criu.ContainerSpec;
import org.ferry.compute.criu.CriuContainerVim;
import org.ferry.compute.workload.Workloads;
import org.ferry.model.vnf.Flavor;
import org.ferry.model.vnf.Placement;
import org.ferry.model.vnf.VnfId;
import org.ferry.seam.compute.Vim;
import org.ferry.testbed.net.CommandRunner;
import org.ferry.testbed.net.TestbedLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EPC stand-ins ({@code epc/target/ferry-epc.jar}) deployed on the testbed's shared segment:
 * the Internet host in a container (it never moves), the HSS, SPGW and MME under a VIM (as CRIU
 * containers or QEMU guests: the subclasses), and the probe (a gNB with its UEs) in the RAN
 * namespace. Each function answers {@code status} with a JSON line on its control port; that is
 * how its state is checked before and after a move.
 *
 * <pre>
 * ran 10.0.0.1 (probe) ─ br-a ─ lightpath ─ br-b
 *   internet-host .40, hss .41, mme .42, spgw .43 (on either bridge)
 * </pre>
 */
public abstract class EpcStandIns implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EpcStandIns.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  public static final int CONTROL_PORT = 9100;
  static final int INTERNET_PORT = 7777;

  /** The JVM options every stand-in runs with: small, one JIT thread, no perf data file. */
  static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
      "-Xmx64m", "-Xss512k", "-XX:-UsePerfData", "-XX:ReservedCodeCacheSize=16m");

  protected final TestbedLayout layout;
  protected final Path work;
  protected final Path jar;
  protected final CommandRunner run = CommandRunner.withDefaultTimeout();
  private final CriuContainerVim internetVim;
  private final Map<EpcFunction, VnfId> ids = new LinkedHashMap<>();

  /**
   * @param internetVim where the Internet host runs, as a container (it is not moved)
   * @param naming the VNF id of each function
   */
  protected EpcStandIns(CriuContainerVim internetVim, TestbedLayout layout, Path work,
      Function<EpcFunction, VnfId> naming) {
    this.internetVim = Objects.requireNonNull(internetVim, "internetVim");
    this.layout = Objects.requireNonNull(layout, "layout");
    this.work = Objects.requireNonNull(work, "work");
    this.jar = epcJar();
    for (EpcFunction f : EpcFunction.values()) {
      ids.put(f, naming.apply(f));
    }
    try {
      Files.createDirectories(work);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + work, e);
    }
  }

  /**
   * Where {@code ferry-epc.jar} is: {@code -Dferry.epc.jar}, {@code $FERRY_EPC_JAR}, else
   * {@code epc/target/ferry-epc.jar} in the working directory, the directory Ferry runs from, or
   * one of their parents.
   */
  public static Path epcJar() {
    String configured = System.getProperty("ferry.epc.jar", System.getenv("FERRY_EPC_JAR"));
    if (configured != null && !configured.isBlank()) {
      Path p = Path.of(configured);
      if (!Files.isRegularFile(p)) {
        throw new IllegalStateException("the EPC stand-ins' jar " + p + " does not exist");
      }
      return p;
    }
    List<Path> starts = new ArrayList<>(List.of(Path.of("").toAbsolutePath()));
    try {
      // where Ferry itself runs from (app/target/ferry.jar, or a module's classes)
      starts.add(Path.of(EpcStandIns.class.getProtectionDomain().getCodeSource()
          .getLocation().toURI()).toAbsolutePath());
    } catch (java.net.URISyntaxException | RuntimeException e) {
      // the working directory only
    }
    for (Path start : starts) {
      for (Path dir = start; dir != null; dir = dir.getParent()) {
        Path candidate = dir.resolve("epc/target/ferry-epc.jar");
        if (Files.isRegularFile(candidate)) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException("no epc/target/ferry-epc.jar in " + Path.of("")
        .toAbsolutePath() + " or its parents: build it (./run-tests -pl epc -am) or set"
        + " FERRY_EPC_JAR");
  }

  public VnfId id(EpcFunction f) {
    return ids.get(f);
  }

  /** The VIM the HSS, MME and SPGW run under. */
  public abstract Vim vim();

  /**
   * Starts the Internet host, the HSS (10 subscribers), the SPGW and the MME at {@code site}, in
   * that order, each once its predecessor answers, and returns once the MME is connected to the
   * HSS.
   */
  public void deploy(Placement site) {
    startInternetHost(site);
    deploy(EpcFunction.HSS, site, List.of("--listen", EpcFunction.HSS.address() + ":3868",
        "--control", control(EpcFunction.HSS), "--store", file(EpcFunction.HSS, "hss.json", null),
        "--provision", "10"));
    String spgw = EpcFunction.SPGW.address();
    String config = file(EpcFunction.SPGW, "spgw.properties", String.join("\n",
        "s11=" + spgw + ":2123", "s1u=" + spgw + ":2152", "sgi=" + spgw,
        "control=" + control(EpcFunction.SPGW), "mtu=1500", ""));
    deploy(EpcFunction.SPGW, site, List.of("--config", config));
    deploy(EpcFunction.MME, site, List.of("--listen", EpcFunction.MME.address() + ":36412",
        "--hss", EpcFunction.HSS.address() + ":3868", "--sgw", spgw + ":2123",
        "--s11", EpcFunction.MME.address() + ":0", "--control", control(EpcFunction.MME)));
    awaitStatus(EpcFunction.MME, s -> s.path("hss").path("connected").asBoolean(),
        "the MME connected to the HSS", startTimeout());
  }

  private void deploy(EpcFunction f, Placement site, List<String> args) {
    List<String> jarArguments = new ArrayList<>(List.of(f.command()));
    jarArguments.addAll(args);
    start(f, site, jarArguments);
    awaitStatus(f, s -> true, f.command() + " answering status", startTimeout());
    LOG.info("{} runs at {} ({})", id(f), site, f.address());
  }

  /**
   * Starts {@code f} at {@code site}: {@code java JVM_OPTIONS -jar ferry-epc.jar jarArguments}
   * (the function's name, then its options).
   */
  protected abstract void start(EpcFunction f, Placement site, List<String> jarArguments);

  /**
   * A file the function reads or writes, by name: with {@code content} it is written first.
   *
   * @return its path as the function sees it
   */
  protected abstract String file(EpcFunction f, String name, String content);

  /** Where the function's control port listens, as it sees it. */
  protected abstract String control(EpcFunction f);

  /** The function's {@code status} reply, one line, from its control port. */
  protected abstract CommandRunner.Result statusLine(EpcFunction f);

  /** How long a function may take to start. */
  protected Duration startTimeout() {
    return Duration.ofSeconds(30);
  }

  private void startInternetHost(Placement site) {
    EpcFunction f = EpcFunction.INTERNET_HOST;
    List<String> command = new ArrayList<>(List.of(Workloads.java()));
    command.addAll(JVM_OPTIONS);
    command.addAll(List.of("-jar", jar.toString(), f.command(), "--listen",
        f.address() + ":" + INTERNET_PORT));
    internetVim.start(new ContainerSpec(id(f), f.address() + "/" + layout.prefixLength(),
        f.mac(), Flavor.SMALL, command), site);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!run.attempt(List.of("nsenter", "-t", Long.toString(internetVim.pid(id(f))), "-n",
        "ss", "-lnu")).stdout().contains(":" + INTERNET_PORT)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(id(f) + " did not bind UDP port " + INTERNET_PORT
            + " within 30 s");
      }
      sleep(100);
    }
    LOG.info("{} runs at {} ({})", id(f), site, f.address());
  }

  /** The function's {@code status} line, parsed; throws if it does not answer. */
  public JsonNode status(EpcFunction f) {
    CommandRunner.Result r = statusLine(f);
    String line = r.stdout().strip();
    if (r.exitCode() != 0 || line.isEmpty()) {
      throw new IllegalStateException(id(f) + " did not answer status (exit " + r.exitCode()
          + "): " + r.stderr().strip());
    }
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new IllegalStateException(id(f) + " answered status with " + line, e);
    }
  }

  /**
   * The function's {@code status}, or, if it does not answer, an object whose {@code error}
   * says why and what its VIM knows of it ({@link #diagnosis}): for reports that must be written
   * whatever state the run left.
   */
  public JsonNode statusOrError(EpcFunction f) {
    try {
      return status(f);
    } catch (RuntimeException e) {
      return JSON.createObjectNode().put("error", e.getMessage() + "; " + diagnosis(f));
    }
  }

  /** What the VIM knows of a function that may be in trouble: where it runs, and if it is sound. */
  public String diagnosis(EpcFunction f) {
    VnfId id = id(f);
    return id + (vim().isRunning(id) ? " runs at " + vim().locate(id).map(Object::toString)
        .orElse("?") : " is not running");
  }

  /** Polls {@link #status} until {@code ok} holds. */
  public JsonNode awaitStatus(EpcFunction f, Predicate<JsonNode> ok, String what,
      Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      try {
        JsonNode s = status(f);
        if (ok.test(s)) {
          return s;
        }
        last = new IllegalStateException(id(f) + " status: " + s);
      } catch (RuntimeException e) {
        last = e;
      }
      sleep(200);
    }
    throw new IllegalStateException("no " + what + " within " + timeout.toSeconds() + " s"
        + (last == null ? "" : ": " + last.getMessage()), last);
  }

  /**
   * Starts the probe in the RAN namespace: {@code ues} UEs attach through the MME and echo every
   * {@code intervalMs} through the SPGW to the Internet host until {@link EpcProbe#stop}.
   */
  public EpcProbe startProbe(int ues, int intervalMs) {
    return EpcProbe.start(layout, jar, work, ues, intervalMs);
  }

  /** Stops one function wherever it runs; stopping one that does not run does nothing. */
  protected abstract void stop(EpcFunction f);

  @Override
  public void close() {
    for (EpcFunction f : EpcFunction.values()) {
      try {
        if (f == EpcFunction.INTERNET_HOST) {
          internetVim.stop(id(f));
        } else {
          stop(f);
        }
      } catch (RuntimeException e) {
        LOG.warn("cannot stop {}: {}", id(f), e.getMessage());
      }
    }
  }

  static void write(Path p, String text) {
    try {
      Files.writeString(p, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + p, e);
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
