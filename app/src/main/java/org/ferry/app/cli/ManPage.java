package org.ferry.app.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The man page ferry(1) in troff, made from the commands' own specs (their descriptions, options
 * and defaults), so that it says what {@code --help} says: one page, a section per command.
 */
final class ManPage {

  private ManPage() {}

  /** The page of {@code root} and every command under it. */
  static String of(CommandLine root, String version) {
    CommandSpec spec = root.getCommandSpec();
    StringBuilder page = new StringBuilder();
    page.append(".TH FERRY 1 \"\" \"").append(escape(version)).append("\" \"User Commands\"\n");
    String[] description = spec.usageMessage().description();
    page.append(".SH NAME\nferry \\- ").append(escape(text(description[0]))).append('\n');
    page.append(".SH SYNOPSIS\n.B ferry\n\\fICOMMAND\\fR [\\fIOPTIONS\\fR]\n");
    page.append(".SH DESCRIPTION\n");
    paragraphs(page, List.of(description));
    page.append(".SH COMMANDS\n");
    root.getSubcommands().values().forEach(sub -> command(page, sub));
    page.append(".SH NOTES\n");
    paragraphs(page, List.of(spec.usageMessage().footer()));
    return page.toString();
  }

  private static void command(StringBuilder page, CommandLine command) {
    CommandSpec spec = command.getCommandSpec();
    if (spec.usageMessage().hidden() || command.getCommandName().equals("help")) {
      return;
    }
    page.append(".SS ").append(escape(spec.qualifiedName())).append('\n');
    paragraphs(page, List.of(spec.usageMessage().description()));
    for (PositionalParamSpec parameter : spec.positionalParameters()) {
      page.append(".TP\n\\fI").append(escape(parameter.paramLabel())).append("\\fR\n")
          .append(escape(text(String.join(" ", parameter.description())))).append('\n');
    }
    for (OptionSpec option : spec.options()) {
      if (option.hidden() || option.inherited()) {
        continue;
      }
      page.append(".TP\n\\fB").append(escape(String.join(", ", option.names()))).append("\\fR");
      if (option.arity().max() > 0) {
        page.append("=\\fI").append(escape(option.paramLabel())).append("\\fR");
      }
      page.append('\n').append(escape(text(String.join(" ", option.description()))))
          .append('\n');
    }
    command.getSubcommands().values().forEach(sub -> command(page, sub));
  }

  private static void paragraphs(StringBuilder page, List<String> paragraphs) {
    for (String paragraph : paragraphs) {
      page.append(".PP\n").append(escape(text(paragraph))).append('\n');
    }
  }

  /** A description as printed: picocli's format specifiers resolved. */
  private static String text(String description) {
    return description.replace("%n", " ").replace("%%", "%");
  }

  /** Troff-safe text: backslashes and hyphens escaped, no line taken for a request. */
  static String escape(String text) {
    String escaped = text.replace("\\", "\\e").replace("-", "\\-");
    return escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped;
  }

}
