package org.ferry.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ferry.app.FerryCli;
import org.ferry.server.auth.Role;
import org.ferry.server.auth.TokenStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The CLI as a client of {@code ferry server}: a real server in this JVM on a free loopback
 * port over the reference setting in the twin, an operator token from its data directory.
 * (The token comes from --token-file: FERRY_TOKEN, read first, is not set in the build.)
 */
class RunsCommandTest {

  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
  private static final Pattern RUN_ID = Pattern.compile("run (\\S+)\\.");

  @TempDir Path dataDir;
  private ServerCommand.Running running;
  private String server;
  private Path tokenFile;

  private StringWriter out;
  private StringWriter err;

  /** A server per test: a planned move changes where the VNFs run. */
  @BeforeEach
  void startServer() throws Exception {
    ServerCommand command = new ServerCommand();
    CommandLine cli = new CommandLine(command);
    Converters.register(cli);
    cli.parseArgs("--listen", "127.0.0.1:0", "--data-dir", dataDir.toString(),
        "--drain-timeout", "5");
    StringWriter listening = new StringWriter();
    running = command.start(new PrintWriter(listening));
    Matcher m = LISTENING.matcher(listening.toString());
    assertThat(m.find()).isTrue();
    server = m.group(1);
    tokenFile = dataDir.resolve("operator.token");
    Files.writeString(tokenFile, new TokenStore(dataDir).create(Role.OPERATOR, "test").token()
        + "\n");
  }

  @AfterEach
  void stopServer() {
    running.close();
  }

  @BeforeEach
  void freshStreams() {
    out = new StringWriter();
    err = new StringWriter();
  }

  private int ferry(String... args) {
    return FerryCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private int onServer(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of(args));
    all.addAll(List.of("--server", server, "--token-file", tokenFile.toString()));
    return ferry(all.toArray(String[]::new));
  }

  /** Moves the MME to site-b through the server and returns the run's id. */
  private String plannedMove() {
    assertThat(onServer("migrate", "--vnf", "MME", "--to", "site-b")).as(err.toString())
        .isZero();
    Matcher m = RUN_ID.matcher(out.toString());
    assertThat(m.find()).as(out.toString()).isTrue();
    return m.group(1);
  }

  @Test
  void migrateOnTheServerPrintsTheTimelineAndTheSummaryAndExitsZero() {
    plannedMove();
    assertThat(out.toString())
        .contains("Ferry planned move on " + server)
        .contains("plan").contains("migration").contains("verify")
        .contains("Run ").contains("(planned move): RELOCATED")
        .contains("migration s").contains("MME");
    assertThat(out.toString().indexOf(" plan ")).isLessThan(out.toString().indexOf(" verify "));
  }

  @Test
  void listAndShowDescribeARunAfterAPlannedMove() {
    String id = plannedMove();
    freshStreams();
    assertThat(onServer("runs", "list", "--trigger", "planned-move")).as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("ID").contains("TRIGGER").contains(id)
        .contains("planned-move").contains("relocated").contains("1 of 1 run(s)");
    freshStreams();
    assertThat(onServer("runs", "list", "--format", "json", "--status", "ended")).isZero();
    assertThat(out.toString()).contains("\"total\" : 1").contains(id);
    freshStreams();
    assertThat(onServer("runs", "show", id)).as(err.toString()).isZero();
    assertThat(out.toString()).contains("+").contains("temp-lightpath-setup")
        .contains("(planned move): RELOCATED").contains("downtime s").contains("simulated");
    freshStreams();
    assertThat(onServer("runs", "show", id, "--format", "json")).isZero();
    assertThat(out.toString()).contains("\"id\" : \"" + id + "\"");
  }

  @Test
  void watchSeesTheStepsInOrderAndExitsWithTheRun() {
    String id = plannedMove();
    freshStreams();
    assertThat(onServer("runs", "watch", id)).as(err.toString()).isZero();
    String text = out.toString();
    assertThat(text).contains("run " + id + " queued").contains("run " + id + " started")
        .contains("started").contains("move of mme-").contains("run " + id + " ended RELOCATED");
    int queued = text.indexOf("queued");
    int plan = text.indexOf(" plan ");
    int migration = text.indexOf(" migration ");
    int ended = text.indexOf("ended RELOCATED");
    assertThat(queued).isLessThan(plan);
    assertThat(plan).isLessThan(migration);
    assertThat(migration).isLessThan(ended);
  }

  @Test
  void cancellingAnUnknownRunIsBadInput() {
    assertThat(onServer("runs", "cancel", "no-such-run")).isEqualTo(2);
    assertThat(err.toString()).contains("ferry: no run no-such-run on " + server);
  }

  @Test
  void cancellingAnEndedRunSaysSo() {
    String id = plannedMove();
    freshStreams();
    assertThat(onServer("runs", "cancel", id)).isZero();
    assertThat(out.toString()).contains("already ended");
  }

  @Test
  void aWrongTokenExitsWithTheMessageOf401() throws Exception {
    Path wrong = dataDir.resolve("wrong.token");
    Files.writeString(wrong, "ferry_nobody_secret\n");
    assertThat(ferry("runs", "list", "--server", server, "--token-file", wrong.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("the server refused the token (401): check FERRY_TOKEN"
        + " or --token-file");
  }

  @Test
  void aProblemIsShownWithItsFieldAndAnUnreachableServerIsNamed() {
    assertThat(onServer("runs", "list", "--limit", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("ferry: ").contains("(field: limit");
    freshStreams();
    assertThat(ferry("runs", "list", "--server", "http://127.0.0.1:1", "--token-file",
        tokenFile.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("cannot reach http://127.0.0.1:1: is `ferry server`"
        + " running there?");
  }

  @Test
  void predictOnTheServerPrintsTheFiguresPerApproachAndTheChoice() {
    assertThat(onServer("predict", "--vnf", "MME", "--to", "site-b")).as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("What-if on " + server).contains("pre-copy")
        .contains("downtime s").contains("chosen: ");
  }
}
