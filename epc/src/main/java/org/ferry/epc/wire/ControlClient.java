package org.ferry.epc.wire;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Sends one command to a stand-in's {@link ControlServer} and reads its JSON reply. */
public final class ControlClient {
  private ControlClient() {}

  /**
   * @param control the control socket's address
   * @param line {@code COMMAND [ARGUMENT]}, one line
   * @param timeout for connecting and for the reply
   * @return the reply
   * @throws IOException if the function cannot be reached, does not answer in time, or answers
   *     with an error (the message names the address and the error)
   */
  public static Map<String, Object> call(InetSocketAddress control, String line, Duration timeout)
      throws IOException {
    try (Socket s = new Socket()) {
      s.connect(control, (int) timeout.toMillis());
      s.setSoTimeout((int) timeout.toMillis());
      OutputStream out = s.getOutputStream();
      out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      BufferedReader in = new BufferedReader(
          new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      String reply = in.readLine();
      if (reply == null) {
        throw new IOException("control socket " + Args.format(control) + " closed without a reply");
      }
      Map<String, Object> m = Json.parseObject(reply);
      if (m.containsKey("error")) {
        throw new IOException("control socket " + Args.format(control) + " answered: "
            + m.get("error"));
      }
      return m;
    }
  }
}
