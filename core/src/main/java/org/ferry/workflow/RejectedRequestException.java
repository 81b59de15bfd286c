package org.ferry.workflow;

import java.util.Objects;

/**
 * A request that cannot be run as asked: an unknown VNF or site, a VNF already where it should
 * go. Nothing was changed. The field names the part of the request at fault, as a user wrote it
 * ("vnfs", "destination"), so that the CLI and the API can point at it.
 */
public final class RejectedRequestException extends RuntimeException {

  private final String field;

  public RejectedRequestException(String field, String message) {
    super(message, null, false, false);
    this.field = Objects.requireNonNull(field, "field");
  }

  /** The request's field at fault. */
  public String field() {
    return field;
  }
}
