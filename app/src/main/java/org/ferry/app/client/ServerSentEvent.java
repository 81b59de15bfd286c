package org.ferry.app.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One server-sent event of {@code ferry server}'s run streams.
 *
 * @param id its sequence number in the server's run store, what {@code Last-Event-ID} names
 * @param type queued, started, step-started, step-progress, step-ended, move-ended or ended
 * @param data the event as JSON
 */
public record ServerSentEvent(long id, String type, JsonNode data) {

  /** The run the event is about. */
  public String run() {
    return data.path("run").asText();
  }
}
