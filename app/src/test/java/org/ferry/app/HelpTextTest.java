package org.ferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.ferry.app.cli.Converters;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The help every command prints: what a user reads before anything else. */
class HelpTextTest {

  private static List<CommandSpec> everyCommand() {
    CommandLine root = new CommandLine(new FerryCli());
    Converters.register(root);
    List<CommandSpec> specs = new ArrayList<>();
    collect(root, specs);
    return specs;
  }

  private static void collect(CommandLine command, List<CommandSpec> into) {
    if (!command.getCommandName().equals("help")) {
      into.add(command.getCommandSpec());
      command.getSubcommands().values().forEach(sub -> collect(sub, into));
    }
  }

  @Test
  void everySummaryIsOneWholeSentence() {
    for (CommandSpec spec : everyCommand()) {
      String[] description = spec.usageMessage().description();
      assertThat(description).as(spec.qualifiedName()).isNotEmpty();
      String summary = description[0];
      assertThat(summary).as(spec.qualifiedName() + "'s summary (the commands list shows it)")
          .endsWith(".");
      assertThat(summary.substring(0, summary.length() - 1).replace("e.g. ", "e.g "))
          .as(spec.qualifiedName() + "'s summary is one sentence").doesNotContain(". ");
      for (String paragraph : description) {
        assertThat(paragraph).as(spec.qualifiedName() + ": a paragraph, not a line cut short")
            .endsWith(".");
      }
    }
  }

  @Test
  void everyDefaultIsShown() {
    List<String> silent = new ArrayList<>();
    for (CommandSpec spec : everyCommand()) {
      for (OptionSpec option : spec.options()) {
        boolean flag = option.type() == boolean.class || option.type() == Boolean.class;
        if (option.defaultValue() != null && !flag && !option.hidden()
            && !String.join(" ", option.description()).contains("default")) {
          silent.add(spec.qualifiedName() + " " + option.longestName());
        }
      }
    }
    assertThat(silent).as("options whose help hides their default").isEmpty();
  }

  @Test
  void noModeIsOfferedThatIsThenRefused() {
    for (CommandSpec spec : everyCommand()) {
      OptionSpec mode = spec.findOption("--mode");
      if (mode != null) {
        assertThat(String.join(" ", mode.description())).as(spec.qualifiedName())
            .doesNotContain("live");
      }
    }
  }
}
