package org.ferry.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ferry.app.FerryCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every report.json the commands write follows the JSON Schema shipped with Ferry. */
class ReportSchemaTest {

  private static Schema schema;

  @BeforeAll
  static void loadTheShippedSchema() throws IOException {
    try (InputStream in = ReportJson.class.getResourceAsStream(ReportJson.SCHEMA)) {
      assertThat(in).as("the schema ships in the jar").isNotNull();
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(in);
    }
  }

  private static String reportOf(Path dir, String... args) throws IOException {
    StringWriter err = new StringWriter();
    int exit = FerryCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
        args);
    assertThat(exit).as(err.toString()).isZero();
    return Files.readString(dir.resolve("report.json"));
  }

  @Test
  void theDemosReportFollowsTheSchemaWithNumbersAsNumbers(@TempDir Path dir) throws IOException {
    String report = reportOf(dir, "demo", "--out", dir.toString());
    assertThat(errors(report)).isEmpty();
    assertThat(report).contains("\"inter_site_km\" : 50.0");
  }

  @Test
  void aContainerMoveAndAPlannedMoveFollowItToo(@TempDir Path dir) throws IOException {
    assertThat(errors(reportOf(dir.resolve("c"), "demo", "--virtualization", "container",
        "--out", dir.resolve("c").toString()))).isEmpty();
    assertThat(errors(reportOf(dir.resolve("m"), "migrate", "--vnf", "MME", "--out",
        dir.resolve("m").toString()))).isEmpty();
  }

  @Test
  void theSchemaRefusesANumberWrittenAsAString(@TempDir Path dir) throws IOException {
    String report = reportOf(dir, "demo", "--out", dir.toString())
        .replace("\"inter_site_km\" : 50.0", "\"inter_site_km\" : \"50.0\"");
    assertThat(errors(report)).isNotEmpty()
        .anySatisfy(e -> assertThat(e.toString()).contains("inter_site_km"));
  }

  private static List<Error> errors(String json) {
    return schema.validate(json, InputFormat.JSON);
  }
}
