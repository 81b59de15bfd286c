package org.ferry.optical.transportpce;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;

/**
 * Words for what came back when it was not what TransportPCE sends: the URL called, the status,
 * the content type and a short excerpt of the body (tags stripped from an HTML page), and what to
 * check. Used so that a wrong URL, a proxy's error page or a server that is down each read as
 * such instead of as a parse failure.
 */
final class ReplyDescriptions {

  private static final int EXCERPT = 160;

  private ReplyDescriptions() {}

  /** {@code HTTP 404 (text/html): 'Not Found ...'}. */
  static String of(HttpResponse<String> response) {
    String type = response.headers().firstValue("Content-Type").orElse("no content type");
    return "HTTP " + response.statusCode() + " (" + type + "): '" + excerpt(response.body())
        + "'";
  }

  /** What to check when a reply is not RESTCONF's: the URL is probably not TransportPCE's. */
  static String notRestconfHint(URI base) {
    return "check that " + base + " is TransportPCE's RESTCONF root (http(s)://HOST:8181/rests"
        + " on a default install) and that nothing (a proxy, another server) answers in its"
        + " place";
  }

  /** What went wrong connecting, and what to check. */
  static String connectionFailure(URI uri, Throwable e) {
    String host = uri.getHost() + ":" + (uri.getPort() < 0 ? defaultPort(uri) : uri.getPort());
    if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
      return "cannot connect to " + uri + " (connection refused): check that TransportPCE is"
          + " running and listening on " + host + ", and the --optical URL";
    }
    if (e.getCause() instanceof UnresolvedAddressException) {
      return "cannot resolve the host of " + uri + ": check the --optical URL";
    }
    if (e instanceof javax.net.ssl.SSLException) {
      return "TLS with " + host + " failed (" + e.getMessage() + "): for a self-signed"
          + " certificate give its CA with --optical-ca-file, or use http:// if the server"
          + " speaks plain HTTP";
    }
    return "the request to " + uri + " failed (" + e + "): check that " + host
        + " is reachable";
  }

  /** The start of a body on one line, an HTML page's text only. */
  static String excerpt(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String text = body;
    if (body.stripLeading().startsWith("<")) {
      text = body.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ")
          .replaceAll("<[^>]*>", " ");
    }
    text = text.replaceAll("\\s+", " ").strip();
    return text.length() > EXCERPT ? text.substring(0, EXCERPT) + "..." : text;
  }

  private static int defaultPort(URI uri) {
    return "https".equals(uri.getScheme()) ? 443 : 80;
  }
}
