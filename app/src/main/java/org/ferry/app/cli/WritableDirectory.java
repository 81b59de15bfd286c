package org.ferry.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * The converter of every {@code --out DIR}: checks when the command line is parsed, before a run
 * that may take minutes, that DIR is a directory Ferry can write into or can create (with its
 * missing parents), and otherwise names the cause; picocli then exits 2 naming the option.
 */
public final class WritableDirectory implements CommandLine.ITypeConverter<Path> {

  @Override
  public Path convert(String text) {
    Path dir = Path.of(text);
    if (Files.exists(dir)) {
      if (!Files.isDirectory(dir)) {
        throw new CommandLine.TypeConversionException(text + " is a file, not a directory");
      }
      if (!Files.isWritable(dir)) {
        throw new CommandLine.TypeConversionException("no permission to write into " + text);
      }
      return dir;
    }
    Path existing = dir.toAbsolutePath().getParent();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      throw new CommandLine.TypeConversionException("no such directory: " + text);
    }
    if (!Files.isDirectory(existing)) {
      throw new CommandLine.TypeConversionException("cannot create " + text + ": " + existing
          + " is a file, not a directory");
    }
    if (!Files.isWritable(existing)) {
      throw new CommandLine.TypeConversionException("cannot create " + text
          + ": no permission to write into " + existing);
    }
    return dir;
  }
}
