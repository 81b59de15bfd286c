package org.ferry.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.ferry.server.auth.DataDirectory;
import org.ferry.server.auth.IssuedToken;
import org.ferry.server.auth.Role;
import org.ferry.server.auth.TokenInfo;
import org.ferry.server.auth.TokenStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ferry token}: the API tokens {@code ferry server} accepts. Creating prints the token
 * once, alone on stdout so that it can be piped into a file or a secret store; only its hash is
 * kept.
 */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = {
      "Creates, lists and revokes the API tokens ferry server accepts."
    },
    subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class,
      TokenCommand.Revoke.class})
public final class TokenCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The data directory option every token command takes. */
  static final class DataDirOption {
    @Option(names = "--data-dir", paramLabel = "DIR",
        description = "Where the tokens are kept; default $XDG_DATA_HOME/ferry, else"
            + " ~/.local/share/ferry")
    Path dataDir;

    TokenStore store() {
      return new TokenStore(dataDir != null ? dataDir : DataDirectory.defaultPath());
    }
  }

  /** {@code ferry token create}. */
  @Command(name = "create", mixinStandardHelpOptions = true,
      description = {
        "Creates a token and prints it, alone, on stdout.",
        "It is not kept: store it now (e.g. ferry token create --role viewer > viewer.token)."
      })
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DataDirOption data;

    @Option(names = "--role", required = true, paramLabel = "ROLE",
        description = "What its holder may do: viewer, operator or admin")
    Role role;

    @Option(names = "--label", paramLabel = "TEXT",
        description = "What or who it is for, shown by list")
    String label;

    @Override
    public Integer call() {
      TokenStore store = data.store();
      IssuedToken issued = store.create(role, label);
      spec.commandLine().getOut().println(issued.token());
      spec.commandLine().getErr().println("ferry: created " + issued.info().role() + " token "
          + issued.info().id() + " in " + store.file()
          + "; it will not be shown again, so store it now");
      return 0;
    }
  }

  /** {@code ferry token list}. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = {
        "Lists the tokens: id, role, created, label.",
        "Never their secrets."
      })
  static final class ListTokens implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DataDirOption data;

    @Override
    public Integer call() {
      List<TokenInfo> tokens = data.store().list();
      PrintWriter out = spec.commandLine().getOut();
      String row = "%-16s  %-8s  %-20s  %s%n";
      out.printf(row, "ID", "ROLE", "CREATED", "LABEL");
      for (TokenInfo token : tokens) {
        out.printf(row, token.id(), token.role(),
            DateTimeFormatter.ISO_INSTANT.format(token.created()), token.label().orElse(""));
      }
      out.flush();
      return 0;
    }
  }

  /** {@code ferry token revoke}. */
  @Command(name = "revoke", mixinStandardHelpOptions = true,
      description = {
        "Revokes a token: a running server refuses it from its next request on."
      })
  static final class Revoke implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DataDirOption data;

    @Parameters(paramLabel = "ID", description = "The token's id, as list shows it")
    String id;

    @Override
    public Integer call() {
      TokenStore store = data.store();
      if (!store.revoke(id)) {
        throw new IllegalArgumentException(
            "no token with id '" + id + "' in " + store.file() + "; see ferry token list");
      }
      spec.commandLine().getErr().println("ferry: revoked token " + id);
      return 0;
    }
  }
}
