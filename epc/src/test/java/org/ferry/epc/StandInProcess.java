package org.ferry.epc;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.ferry.epc.wire.Json;

/**
 * A stand-in started as its own JVM process (the test's class path, {@link EpcMain}), as it runs
 * in a container: waits for its {@code READY} line, stops it with SIGTERM, kills it if it hangs.
 */
final class StandInProcess implements Closeable {
  private final Process process;
  private final Map<String, Object> ready;

  StandInProcess(Path log, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Xmx64m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(EpcMain.class.getName());
    command.addAll(List.of(args));
    process = new ProcessBuilder(command).redirectError(log.toFile()).start();
    BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
      try {
        String l;
        while ((l = out.readLine()) != null) {
          if (l.startsWith("READY ")) {
            return l.substring(6);
          }
        }
        return null;
      } catch (IOException e) {
        return null;
      }
    });
    String json = line.get(20, TimeUnit.SECONDS);
    if (json == null) {
      process.destroyForcibly();
      throw new IllegalStateException("stand-in " + args[0] + " exited without READY; see " + log);
    }
    ready = Json.parseObject(json);
  }

  /** @return the addresses it printed in its READY line */
  Map<String, Object> ready() {
    return ready;
  }

  /** Stops it (SIGTERM), waits, kills it if it does not stop in 5 s. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
