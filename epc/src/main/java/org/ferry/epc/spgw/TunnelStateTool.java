package org.ferry.epc.spgw;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ferry.epc.wire.Args;
import org.ferry.epc.wire.ControlClient;
import org.ferry.epc.wire.Json;

/**
 * {@code tunnel-state save|restore|show}: the companion utility of the reference system, for the
 * Java user plane. {@code save} reads a running SPGW's tunnel list over its control socket and
 * writes it to a JSON file (atomically) before a checkpoint; {@code restore} loads a file into a
 * running SPGW; {@code show} prints a file's or a running SPGW's tunnels. A fresh SPGW can also
 * start from a saved file ({@code spgw --tunnel-state FILE}), so that its tunnels exist before its
 * first packet. The user-plane endpoint itself (address, MTU, routes, translation rule) is created
 * by the SPGW from its configuration file, as the reference utility creates {@code gtp0}.
 */
public final class TunnelStateTool {
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private TunnelStateTool() {}

  /** @return the exit code */
  public static int run(String[] argv) throws IOException {
    if (argv.length == 0) {
      throw new IllegalArgumentException("tunnel-state save|restore|show --control HOST:PORT "
          + "[--file FILE]");
    }
    Args args = new Args(Arrays.copyOfRange(argv, 1, argv.length));
    switch (argv[0]) {
      case "save": {
        Map<String, Object> state = ControlClient.call(
            Args.parseAddress(args.require("control")), "tunnels", TIMEOUT);
        Path file = Path.of(args.get("file", "tunnels.json"));
        write(file, state);
        System.out.println("saved " + ((List<?>) state.get("tunnels")).size() + " tunnels to "
            + file);
        return 0;
      }
      case "restore": {
        Path file = Path.of(args.get("file", "tunnels.json"));
        Map<String, Object> state = Json.parseObject(Files.readString(file));
        Map<String, Object> reply = ControlClient.call(Args.parseAddress(args.require("control")),
            "restore " + Json.write(state), TIMEOUT);
        System.out.println("restored " + reply.get("restored") + " tunnels from " + file);
        return 0;
      }
      case "show": {
        Map<String, Object> state = args.has("control")
            ? ControlClient.call(Args.parseAddress(args.require("control")), "tunnels", TIMEOUT)
            : Json.parseObject(Files.readString(Path.of(args.get("file", "tunnels.json"))));
        List<Tunnel> tunnels = parse(state);
        System.out.printf("%-16s %-4s %-15s %-10s %-10s %s%n", "IMSI", "EBI", "UE", "UL-TEID",
            "DL-TEID", "gNB");
        for (Tunnel t : tunnels) {
          System.out.printf("%-16s %-4d %-15s %-10d %-10d %s%n", t.imsi(), t.ebi(),
              t.ueAddress().getHostAddress(), t.uplinkTeid(), t.enbTeid(),
              t.enb() == null ? "-" : Args.format(t.enb()));
        }
        return 0;
      }
      default:
        throw new IllegalArgumentException("unknown action '" + argv[0]
            + "'; try save, restore, show");
    }
  }

  /** @return the tunnels of a saved file @throws IOException if it cannot be read */
  public static List<Tunnel> read(Path file) throws IOException {
    try {
      return parse(Json.parseObject(Files.readString(file)));
    } catch (IllegalArgumentException e) {
      throw new IOException("tunnel-state file " + file + ": " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Tunnel> parse(Map<String, Object> state) {
    List<Tunnel> out = new ArrayList<>();
    Object list = state.get("tunnels");
    if (!(list instanceof List)) {
      throw new IllegalArgumentException("not a tunnel-state document: no 'tunnels' list");
    }
    for (Object o : (List<Object>) list) {
      out.add(Tunnel.fromJson((Map<String, Object>) o));
    }
    return out;
  }

  /** Writes {@code state} to {@code file} atomically (temporary file, fsync, rename). */
  public static void write(Path file, Map<String, Object> state) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = dir.resolve(file.getFileName() + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.write(ByteBuffer.wrap(Json.write(state).getBytes(StandardCharsets.UTF_8)));
      ch.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
