package org.ferry.app.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.ferry.model.network.TransponderClass;
import org.ferry.model.unit.Distance;
import org.ferry.testbed.net.LinkShape;
import org.ferry.testbed.net.Testbed;
import org.ferry.testbed.net.TestbedArtefacts;
import org.ferry.testbed.net.TestbedLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ferry testbed up|down|status}: the testbed in a box's network, by hand. */
@Command(
    name = "testbed",
    description = {
      "Brings the testbed in a box's network up or down, by hand.",
      "Linux, root; run scripts/testbed-setup.sh once. Sites site-a and site-b and the RAN as"
          + " network namespaces, the lightpath between the sites as a link shaped to its"
          + " transponder class and delayed by its length (5 us/km + equipment latency)."
    },
    subcommands = {TestbedCommand.Up.class, TestbedCommand.Down.class, TestbedCommand.Status.class})
public final class TestbedCommand implements Runnable {

  @Option(names = "--prefix", defaultValue = "ferry",
      description = "Namespace prefix (default: ${DEFAULT-VALUE}): ferry-ran, ferry-site-a, ...")
  String prefix;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  void print(String text) {
    spec.commandLine().getOut().print(text);
    spec.commandLine().getOut().flush();
  }

  Testbed testbed() {
    Testbed.unsupportedReason().ifPresent(why -> {
      throw new IllegalStateException(why);
    });
    return new Testbed(new TestbedLayout(prefix), TestbedArtefacts.fromEnvironment());
  }

  /** Creates the namespaces and, unless --link none, brings the lightpath up. */
  @Command(name = "up", description = "Creates the sites, the RAN and the lightpath link.")
  static final class Up implements Callable<Integer> {
    @ParentCommand TestbedCommand parent;

    @Option(names = "--link", defaultValue = "switchponder-1g",
        description = "Transponder class of the lightpath: switchponder-1g, switchponder-10g,"
            + " transponder-100g (unshaped: as fast as the machine goes) or none (cut)"
            + " (default: ${DEFAULT-VALUE})")
    String link;

    @Option(names = "--length-km", defaultValue = "25",
        description = "Length of the lightpath in km (default: ${DEFAULT-VALUE})")
    double lengthKm;

    @Override
    public Integer call() {
      Testbed testbed = parent.testbed();
      testbed.up();
      if (link.equals("none")) {
        testbed.cutLink();
      } else {
        TransponderClass kind = parseKind(link);
        if (lengthKm < 0) {
          throw new IllegalArgumentException("--length-km must be 0 or more, got " + lengthKm);
        }
        Duration delay = Distance.ofKilometres(lengthKm).propagationDelay()
            .plus(kind.equipmentLatency().multipliedBy(2));
        testbed.applyLink(LinkShape.of(kind.clientRate(), delay));
      }
      parent.print(testbed.status());
      return 0;
    }

    private static TransponderClass parseKind(String text) {
      for (TransponderClass k : TransponderClass.values()) {
        if (k.name().replace('_', '-').equalsIgnoreCase(text)) {
          return k;
        }
      }
      throw new IllegalArgumentException("--link must be switchponder-1g, switchponder-10g,"
          + " transponder-100g or none, got '" + text + "'");
    }
  }

  /** Removes everything the testbed created. */
  @Command(name = "down", description = "Removes the namespaces, links and delay-line processes.")
  static final class Down implements Callable<Integer> {
    @ParentCommand TestbedCommand parent;

    @Override
    public Integer call() {
      Testbed testbed = parent.testbed();
      testbed.down();
      parent.spec.commandLine().getOut().println("testbed " + parent.prefix + " down");
      return 0;
    }
  }

  /** Shows what exists. */
  @Command(name = "status", description = "Shows the namespaces, the lightpath and its shaping.")
  static final class Status implements Callable<Integer> {
    @ParentCommand TestbedCommand parent;

    @Override
    public Integer call() {
      parent.print(parent.testbed().status());
      return 0;
    }
  }
}
