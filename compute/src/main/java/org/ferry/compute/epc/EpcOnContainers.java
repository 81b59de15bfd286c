package org.ferry.compute.epc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ferry.compute.criu.ContainerSpec;
import org.ferry.compute.criu.CriuContainerVim;
import org.ferry.compute.workload.Workloads;
import org.ferry.model.vnf.Flavor;
import org.ferry.model.vnf.Placement;
import org.ferry.model.vnf.VnfId;
import org.ferry.testbed.net.CommandRunner;
import org.ferry.testbed.net.TestbedLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EPC stand-ins ({@code epc/target/ferry-epc.jar}) as CRIU containers on the testbed's shared
 * segment: the Internet host, HSS, SPGW and MME each in its own container (own PID and network
 * namespace, a fixed address and MAC), and the probe (a gNB with its UEs) in the RAN namespace.
 * Each server answers {@code status} on 127.0.0.1:{@value #CONTROL_PORT} inside its container;
 * {@link #status} reads it through {@code nsenter -n} and {@code socat}.
 *
 * <pre>
 * ran 10.0.0.1 (probe) ─ br-a ─ lightpath ─ br-b
 *   internet-host .40, hss .41, mme .42, spgw .43 (containers, on either bridge)
 * </pre>
 */
public final class EpcOnContainers implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EpcOnContainers.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  public static final int CONTROL_PORT = 9100;

  /** One stand-in: its role, address and MAC (the last byte of the address). */
  public enum Function {
    INTERNET_HOST("internet-host", 40), HSS("hss", 41), MME("mme", 42), SPGW("spgw", 43);

    private final String command;
    private final int host;

    Function(String command, int host) {
      this.command = command;
      this.host = host;
    }

    public String address() {
      return "10.0.0." + host;
    }

    public String mac() {
      return String.format("02:00:00:00:e0:%02x", host);
    }
  }

  private final CriuContainerVim vim;
  private final TestbedLayout layout;
  private final Path work;
  private final Path jar;
  private final CommandRunner run = CommandRunner.withDefaultTimeout();
  private final Map<Function, VnfId> ids = new LinkedHashMap<>();

  /**
   * @param idPrefix the VNF ids are this plus the function's name (e.g. "fe-" gives "fe-hss"); it
   *     names the containers' veths and cgroups, so keep it unique to the testbed
   */
  public EpcOnContainers(CriuContainerVim vim, TestbedLayout layout, Path work, String idPrefix) {
    this(vim, layout, work, f -> VnfId.of(idPrefix + f.command));
  }

  /** @param naming the VNF id of each function (its container's id) */
  public EpcOnContainers(CriuContainerVim vim, TestbedLayout layout, Path work,
      java.util.function.Function<Function, VnfId> naming) {
    this.vim = Objects.requireNonNull(vim, "vim");
    this.layout = Objects.requireNonNull(layout, "layout");
    this.work = Objects.requireNonNull(work, "work");
    this.jar = epcJar();
    for (Function f : Function.values()) {
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
      return requireFile(Path.of(configured));
    }
    List<Path> starts = new ArrayList<>(List.of(Path.of("").toAbsolutePath()));
    try {
      // where Ferry itself runs from (app/target/ferry.jar, or a module's classes)
      starts.add(Path.of(EpcOnContainers.class.getProtectionDomain().getCodeSource()
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

  private static Path requireFile(Path p) {
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException("the EPC stand-ins' jar " + p + " does not exist");
    }
    return p;
  }

  public VnfId id(Function f) {
    return ids.get(f);
  }

  public CriuContainerVim vim() {
    return vim;
  }

  /**
   * Starts the Internet host, the HSS (10 subscribers), the SPGW and the MME at {@code site}, in
   * that order, each once its predecessor answers {@code status}.
   */
  public void deploy(Placement site) {
    deploy(Function.INTERNET_HOST, site, List.of("--listen", Function.INTERNET_HOST.address()
        + ":7777"));
    deploy(Function.HSS, site, List.of("--listen", Function.HSS.address() + ":3868",
        "--control", "127.0.0.1:" + CONTROL_PORT, "--store", work.resolve("hss.json").toString(),
        "--provision", "10"));
    Path config = work.resolve("spgw.properties");
    String spgw = Function.SPGW.address();
    write(config, String.join("\n", "s11=" + spgw + ":2123", "s1u=" + spgw + ":2152",
        "sgi=" + spgw, "control=127.0.0.1:" + CONTROL_PORT, "mtu=1500", "") );
    deploy(Function.SPGW, site, List.of("--config", config.toString()));
    deploy(Function.MME, site, List.of("--listen", Function.MME.address() + ":36412",
        "--hss", Function.HSS.address() + ":3868", "--sgw", spgw + ":2123",
        "--s11", Function.MME.address() + ":0", "--control", "127.0.0.1:" + CONTROL_PORT));
    awaitStatus(Function.MME, s -> s.path("hss").path("connected").asBoolean(),
        "the MME connected to the HSS", Duration.ofSeconds(30));
  }

  private void deploy(Function f, Placement site, List<String> args) {
    List<String> command = new ArrayList<>(List.of(Workloads.java(), "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1", "-Xmx64m", "-Xss512k", "-XX:-UsePerfData",
        "-XX:ReservedCodeCacheSize=16m", "-jar", jar.toString(), f.command));
    command.addAll(args);
    vim.start(new ContainerSpec(id(f), f.address() + "/" + layout.prefixLength(), f.mac(),
        Flavor.SMALL, command), site);
    if (f == Function.INTERNET_HOST) {
      awaitPort(f, 7777, "udp");
    } else {
      awaitStatus(f, s -> true, f.command + " answering status", Duration.ofSeconds(30));
    }
    LOG.info("{} runs at {} ({})", id(f), site, f.address());
  }

  private void awaitPort(Function f, int port, String proto) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      String out = run.attempt(List.of("nsenter", "-t", Long.toString(vim.pid(id(f))), "-n",
          "ss", "-lnu")).stdout();
      if (out.contains(":" + port)) {
        return;
      }
      sleep(100);
    }
    throw new IllegalStateException(id(f) + " did not bind " + proto + " port " + port
        + " within 30 s");
  }

  /** The function's {@code status} line, parsed; throws if it does not answer. */
  public JsonNode status(Function f) {
    CommandRunner.Result r = run.attempt(List.of("sh", "-c", "echo status | nsenter -t "
        + vim.pid(id(f)) + " -n socat -t 2 -T 3 - TCP:127.0.0.1:" + CONTROL_PORT));
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

  /** Polls {@link #status} until {@code ok} holds. */
  public JsonNode awaitStatus(Function f, java.util.function.Predicate<JsonNode> ok, String what,
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
   * {@code intervalMs} through the SPGW to the Internet host until {@link Probe#stop}.
   */
  public Probe startProbe(int ues, int intervalMs) {
    Path report = work.resolve("probe.json");
    Path stop = work.resolve("probe.stop");
    Path log = work.resolve("probe.log");
    try {
      Files.deleteIfExists(report);
      Files.deleteIfExists(stop);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> command = List.of("ip", "netns", "exec", layout.ranNamespace(),
        Workloads.java(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx64m", "-jar",
        jar.toString(), "probe", "--mme", Function.MME.address() + ":36412", "--internet-host",
        Function.INTERNET_HOST.address() + ":7777", "--gtpu", layout.ranAddress() + ":0",
        "--ues", Integer.toString(ues), "--interval-ms", Integer.toString(intervalMs),
        "--duration-s", "3600", "--stop-file", stop.toString(), "--report", report.toString(),
        "--report-every-ms", "100");
    Process p = CommandRunner.startBackground(command, log);
    return new Probe(p, ues, report, stop, log);
  }

  /** The probe process: a gNB and its UEs in the RAN namespace. */
  public static final class Probe implements AutoCloseable {
    private final Process process;
    private final int ues;
    private final Path report;
    private final Path stop;
    private final Path log;

    Probe(Process process, int ues, Path report, Path stop, Path log) {
      this.process = process;
      this.ues = ues;
      this.report = report;
      this.stop = stop;
      this.log = log;
    }

    /** Waits until it printed that every UE attached. */
    public void awaitAttached(Duration timeout) {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        String out = read(log);
        if (out.contains("attached " + ues + " of " + ues + " UEs")) {
          return;
        }
        if (!process.isAlive()) {
          throw new IllegalStateException("the probe ended (exit " + process.exitValue()
              + "): " + out);
        }
        sleep(100);
      }
      throw new IllegalStateException("the UEs did not attach within " + timeout.toSeconds()
          + " s: " + read(log));
    }

    /** The report so far (rewritten every 100 ms while the traffic runs), or empty. */
    public java.util.Optional<JsonNode> snapshot() {
      try {
        return Files.exists(report) ? java.util.Optional.of(JSON.readTree(Files.readString(report)))
            : java.util.Optional.empty();
      } catch (IOException e) {
        return java.util.Optional.empty();
      }
    }

    public int ues() {
      return ues;
    }

    /** Stops the traffic and returns the report (summary and per-UE figures). */
    public JsonNode stop(Duration timeout) {
      try {
        Files.writeString(stop, "stop");
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
          throw new IllegalStateException("the probe did not stop within " + timeout.toSeconds()
              + " s");
        }
        return JSON.readTree(Files.readString(report));
      } catch (IOException e) {
        throw new UncheckedIOException("the probe wrote no report: " + read(log), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() {
      if (process.isAlive()) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    }
  }

  @Override
  public void close() {
    for (VnfId id : ids.values()) {
      try {
        vim.stop(id);
      } catch (RuntimeException e) {
        LOG.warn("cannot stop {}: {}", id, e.getMessage());
      }
    }
  }

  private static String read(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static void write(Path p, String text) {
    try {
      Files.writeString(p, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + p, e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
