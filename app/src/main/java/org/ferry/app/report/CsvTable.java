package org.ferry.app.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A CSV file of text cells under a header (RFC 4180, by Jackson's CSV module): a cell is quoted
 * only when it must be (it holds a comma, a quote or a line break), so plain figures stay plain
 * for spreadsheets and {@code cut -d,} alike.
 */
public final class CsvTable {

  private static final CsvMapper MAPPER = CsvMapper.builder()
      .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

  private CsvTable() {}

  /**
   * The table as text, a line ({@code \n}) per row after the header's.
   *
   * @param rows each as many cells as the header has columns
   * @throws IllegalArgumentException if a row has another number of cells
   */
  public static String text(List<String> header, List<List<String>> rows) {
    CsvSchema schema = CsvSchema.emptySchema().withLineSeparator("\n");
    for (List<String> row : rows) {
      if (row.size() != header.size()) {
        throw new IllegalArgumentException("a row of " + row.size() + " cells under a header of "
            + header.size() + ": " + row);
      }
    }
    try {
      StringBuilder text = new StringBuilder(MAPPER.writer(schema).writeValueAsString(header));
      for (List<String> row : rows) {
        text.append(MAPPER.writer(schema).writeValueAsString(row));
      }
      return text.toString();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e); // strings only: cannot happen
    }
  }

  /** Writes {@link #text} to {@code file} in UTF-8. */
  public static void write(List<String> header, List<List<String>> rows, Path file)
      throws IOException {
    Files.writeString(file, text(header, rows), StandardCharsets.UTF_8);
  }
}
