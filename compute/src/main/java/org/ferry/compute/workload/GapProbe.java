package org.ferry.compute.workload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A client that watches a {@link MemoryEchoWorkload} across a move: every interval it sends a
 * line over one TCP connection and a datagram over UDP, and keeps the longest gap between two
 * echoes on each. A client's TCP gap is set by its retransmission back-off (about 0.3 or 0.75 s
 * for a short outage), so the UDP gap is the closer measure of the outage.
 *
 * <p>Usage: {@code GapProbe HOST TCP_PORT UDP_PORT INTERVAL_MS}. It reads commands on stdin:
 * {@code report} prints {@code tcp_gap_ms=.. udp_gap_ms=.. tcp_alive=.. count=..} and starts a
 * new measuring window; {@code idle} prints how long since the last echo on each; {@code SUM} asks the workload for its memory checksum and prints it;
 * end of input stops it.
 */
public final class GapProbe {

  private final Object lock = new Object();
  private long lastTcp;
  private long lastUdp;
  private long maxTcp;
  private long maxUdp;
  private volatile boolean tcpAlive = true;
  private volatile String lastCount = "0";
  private volatile String sum;

  public static void main(String[] args) throws Exception {
    String host = args[0];
    int tcpPort = Integer.parseInt(args[1]);
    int udpPort = Integer.parseInt(args[2]);
    long interval = Long.parseLong(args[3]);
    new GapProbe().run(host, tcpPort, udpPort, interval);
  }

  private void run(String host, int tcpPort, int udpPort, long interval) throws Exception {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(host, tcpPort), 5000);
    socket.setTcpNoDelay(true);
    OutputStream out = socket.getOutputStream();
    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
        StandardCharsets.UTF_8));
    DatagramSocket udp = new DatagramSocket();
    udp.connect(new InetSocketAddress(host, udpPort));
    udp.setSoTimeout(200);
    long now = System.nanoTime();
    lastTcp = now;
    lastUdp = now;

    Thread tcpReader = daemon("tcp-reader", () -> {
      try {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.startsWith("SUM ")) {
            sum = line.substring(4);
            continue;
          }
          lastCount = line.substring(0, line.indexOf(' '));
          seen(true);
        }
      } catch (IOException e) {
        // fall through
      }
      tcpAlive = false;
    });
    Thread udpReader = daemon("udp-reader", () -> {
      byte[] buffer = new byte[256];
      while (true) {
        try {
          udp.receive(new DatagramPacket(buffer, buffer.length));
          seen(false);
        } catch (SocketTimeoutException e) {
          // no echo yet
        } catch (IOException e) {
          // e.g. ICMP unreachable while the container moves; keep listening
        }
      }
    });
    Thread sender = daemon("sender", () -> {
      long seq = 0;
      while (true) {
        seq++;
        byte[] line = ("p" + seq + "\n").getBytes(StandardCharsets.UTF_8);
        try {
          synchronized (out) {
            out.write(line);
            out.flush();
          }
        } catch (IOException e) {
          tcpAlive = false;
        }
        try {
          udp.send(new DatagramPacket(line, line.length));
        } catch (IOException e) {
          // unreachable for a moment
        }
        try {
          Thread.sleep(interval);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    tcpReader.start();
    udpReader.start();
    sender.start();
    System.out.println("probing");
    System.out.flush();

    BufferedReader commands = new BufferedReader(new InputStreamReader(System.in,
        StandardCharsets.UTF_8));
    String command;
    while ((command = commands.readLine()) != null) {
      if (command.equals("report")) {
        System.out.println(report());
      } else if (command.equals("idle")) {
        System.out.println(idle());
      } else if (command.equals("SUM")) {
        sum = null;
        synchronized (out) {
          out.write("SUM\n".getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (sum == null && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        System.out.println("sum=" + sum);
      }
      System.out.flush();
    }
    System.exit(0);
  }

  private void seen(boolean tcp) {
    long now = System.nanoTime();
    synchronized (lock) {
      if (tcp) {
        maxTcp = Math.max(maxTcp, now - lastTcp);
        lastTcp = now;
      } else {
        maxUdp = Math.max(maxUdp, now - lastUdp);
        lastUdp = now;
      }
    }
  }

  private String idle() {
    synchronized (lock) {
      long now = System.nanoTime();
      return String.format(Locale.ROOT, "tcp_idle_ms=%.1f udp_idle_ms=%.1f", (now - lastTcp) / 1e6,
          (now - lastUdp) / 1e6);
    }
  }

  private String report() {
    synchronized (lock) {
      long now = System.nanoTime();
      // a gap still open counts up to now
      long tcp = Math.max(maxTcp, now - lastTcp);
      long udp = Math.max(maxUdp, now - lastUdp);
      String text = String.format(Locale.ROOT, "tcp_gap_ms=%.1f udp_gap_ms=%.1f tcp_alive=%s "
          + "count=%s", tcp / 1e6, udp / 1e6, tcpAlive, lastCount);
      maxTcp = 0;
      maxUdp = 0;
      return text;
    }
  }

  private static Thread daemon(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    return t;
  }
}
