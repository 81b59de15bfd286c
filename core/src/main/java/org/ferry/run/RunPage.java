package org.ferry.run;

import java.util.List;

/**
 * One page of runs.
 *
 * @param runs the runs on this page, newest first
 * @param total how many runs match the query in all
 * @param offset where this page starts among them
 */
public record RunPage(List<RunRecord> runs, int total, int offset) {

  public RunPage {
    runs = List.copyOf(runs);
  }
}
