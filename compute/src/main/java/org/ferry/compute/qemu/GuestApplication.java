package org.ferry.compute.qemu;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a guest runs instead of the memory-dirtying workload: a command on the guests' Java runtime
 * disk ({@code guest-runtime.ext4}, built by scripts/testbed-setup.sh), with its files. The files
 * reach the guest on a second read-only disk (a tar), are unpacked into {@value #DIRECTORY} (a
 * tmpfs in guest memory, so whatever the application writes there moves with the guest), and
 * the command runs there with its output on the guest's console.
 *
 * @param command the argument vector; {@value #JAVA} is the runtime's {@code java}
 * @param files files to copy into {@value #DIRECTORY}, by their own name
 * @param texts further files to write there: name to content
 * @param readyMarker what the application prints on its console once it serves
 */
public record GuestApplication(List<String> command, List<Path> files, Map<String, String> texts,
    String readyMarker) {

  /** The runtime's java inside the guest. */
  public static final String JAVA = "/jre/bin/java";

  /** Where the application's files are inside the guest. */
  public static final String DIRECTORY = "/tmp/app";

  public GuestApplication {
    command = List.copyOf(command);
    files = List.copyOf(files);
    texts = Map.copyOf(texts);
    Objects.requireNonNull(readyMarker, "readyMarker");
    if (command.isEmpty()) {
      throw new IllegalArgumentException("a guest application needs a command");
    }
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new IllegalArgumentException("the guest application's file " + f
            + " does not exist");
      }
    }
    for (String name : texts.keySet()) {
      if (!name.matches("[A-Za-z0-9._-]+") || name.matches("\\.+") || name.equals("run.sh")) {
        throw new IllegalArgumentException("a guest application's file name must be a plain"
            + " name other than run.sh, got '" + name + "'");
      }
    }
  }

  /** The file's path inside the guest. */
  public static String inGuest(String name) {
    return DIRECTORY + "/" + name;
  }
}
