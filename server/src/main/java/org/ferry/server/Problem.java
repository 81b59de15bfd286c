package org.ferry.server;

import java.util.List;
import java.util.Optional;

/**
 * An error on the wire, as RFC 9457 problem details ({@code application/problem+json}), with
 * members of our own: {@code field}, the request field at fault, {@code fix}, what to do, and
 * {@code errors}, every fault where a document has several (each with its path and message).
 *
 * @param status the HTTP status
 * @param title a short summary that is the same for every problem of this type
 * @param detail this occurrence, for a human
 * @param field the request field at fault (a JSON member or query parameter), if one is
 * @param fix what the caller can do about it, if anything
 * @param errors every fault of a document that has several, else empty
 */
public record Problem(int status, String title, String detail, Optional<String> field,
    Optional<String> fix, List<InventorySource.ValidationError> errors) {

  public Problem {
    errors = List.copyOf(errors);
  }

  /**
   * The base of every problem type URI. A URN: the types name kinds of problem and are not
   * meant to be fetched (RFC 9457 §3.1.1); the title says what each is.
   */
  public static final String TYPE_BASE = "urn:ferry:problem:";

  public static Problem of(int status, String title, String detail) {
    return new Problem(status, title, detail, Optional.empty(), Optional.empty(), List.of());
  }

  public Problem withField(String name) {
    return new Problem(status, title, detail, Optional.of(name), fix, errors);
  }

  public Problem withFix(String text) {
    return new Problem(status, title, detail, field, Optional.of(text), errors);
  }

  public Problem withErrors(List<InventorySource.ValidationError> all) {
    return new Problem(status, title, detail, field, fix, all);
  }

  /** The type URI: the title, lower-case and dashed, after {@link #TYPE_BASE}. */
  public String type() {
    return TYPE_BASE + title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
        .replaceAll("(^-|-$)", "");
  }

  /** Thrown by handlers to answer with a problem; the server's exception handler writes it. */
  public static final class Exception extends RuntimeException {
    private final Problem problem;

    public Exception(Problem problem) {
      super(problem.detail(), null, false, false);
      this.problem = problem;
    }

    public Problem problem() {
      return problem;
    }
  }

  /** This problem, as an exception to throw. */
  public Exception toException() {
    return new Exception(this);
  }
}
