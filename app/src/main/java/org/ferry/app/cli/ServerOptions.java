package org.ferry.app.cli;

import java.net.URI;
import org.ferry.app.client.ApiException;
import org.ferry.app.client.FerryApiClient;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --server URL} and the token ({@link ClientCredentials}): what a command needs to act
 * through a running {@code ferry server} instead of in this process.
 */
public final class ServerOptions {

  @Option(names = "--server", paramLabel = "URL",
      description = "A running ferry server, e.g. http://127.0.0.1:8080; the token comes from"
          + " FERRY_TOKEN or --token-file")
  URI server;

  @Mixin ClientCredentials credentials;

  /** Whether {@code --server} was given. */
  boolean enabled() {
    return server != null;
  }

  /**
   * A client of the server, with the token.
   *
   * @throws IllegalArgumentException if {@code --server} is missing or not an http(s) URL, or
   *     no token is to be had
   */
  FerryApiClient client() {
    if (server == null) {
      throw new IllegalArgumentException("--server URL is required: where ferry server"
          + " listens, e.g. http://127.0.0.1:8080");
    }
    return new FerryApiClient(server, credentials.token());
  }

  /**
   * {@code e}, or if it is the server's 404 for the run, the message that names the run and the
   * server.
   */
  static ApiException unknownRun(ApiException e, String runId, FerryApiClient client) {
    return e.status() == 404 ? new ApiException(404, ApiException.BAD_INPUT, "no run " + runId
        + " on " + client.server(), e) : e;
  }
}
