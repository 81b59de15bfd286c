package org.ferry.compute.workload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in network function for migration tests: a JVM that holds state in memory (a number of
 * touched megabytes and a request counter) and serves it over TCP and UDP.
 *
 * <p>Usage: {@code MemoryEchoWorkload TCP_PORT UDP_PORT MEGABYTES READY_FILE}. Once the memory is
 * filled and both sockets listen, it writes READY_FILE. Over TCP, each line gets back {@code
 * "<count> <line>"} where count grows across all requests (so a restore that lost memory shows);
 * the line {@code SUM} gets back a checksum of the memory. Over UDP, each datagram is echoed.
 */
public final class MemoryEchoWorkload {

  private static final int CHUNK = 1 << 20;

  /** Off the heap, so that the touched memory is what was asked for, not a GC's copies of it. */
  private final ByteBuffer[] memory;
  private final AtomicLong count = new AtomicLong();

  private MemoryEchoWorkload(int megabytes) {
    memory = new ByteBuffer[megabytes];
    SplittableRandom random = new SplittableRandom(42);
    byte[] chunk = new byte[CHUNK];
    for (int i = 0; i < megabytes; i++) {
      random.nextBytes(chunk);
      memory[i] = ByteBuffer.allocateDirect(CHUNK).put(chunk).flip();
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      System.err.println("usage: MemoryEchoWorkload TCP_PORT UDP_PORT MEGABYTES READY_FILE");
      System.exit(2);
    }
    int tcpPort = Integer.parseInt(args[0]);
    int udpPort = Integer.parseInt(args[1]);
    MemoryEchoWorkload workload = new MemoryEchoWorkload(Integer.parseInt(args[2]));
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(tcpPort));
    DatagramSocket udp = new DatagramSocket(udpPort);
    Thread udpThread = new Thread(() -> workload.serveUdp(udp), "udp-echo");
    udpThread.setDaemon(true);
    udpThread.start();
    Files.writeString(Path.of(args[3]), "ready\n");
    while (true) {
      Socket socket = server.accept();
      Thread t = new Thread(() -> workload.serveTcp(socket), "tcp-" + socket.getPort());
      t.setDaemon(true);
      t.start();
    }
  }

  private void serveUdp(DatagramSocket udp) {
    byte[] buffer = new byte[2048];
    while (true) {
      try {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        udp.receive(packet);
        udp.send(new DatagramPacket(packet.getData(), packet.getLength(),
            packet.getSocketAddress()));
      } catch (IOException e) {
        // keep serving
      }
    }
  }

  private void serveTcp(Socket socket) {
    try (socket;
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
            StandardCharsets.UTF_8))) {
      OutputStream out = socket.getOutputStream();
      String line;
      while ((line = in.readLine()) != null) {
        String reply = "SUM".equals(line) ? "SUM " + checksum() : count.incrementAndGet() + " "
            + line;
        out.write((reply + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (IOException e) {
      // the peer went away
    }
  }

  private long checksum() {
    long sum = 0;
    for (ByteBuffer chunk : memory) {
      for (int i = 0; i < CHUNK; i += 64) {
        sum = sum * 31 + chunk.get(i);
      }
    }
    return sum;
  }
}
