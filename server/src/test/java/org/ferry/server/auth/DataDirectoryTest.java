package org.ferry.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The default data directory follows the XDG Base Directory specification. */
class DataDirectoryTest {

  private static final Path HOME = Path.of("/home/ops");

  @Test
  void xdgDataHomeWins() {
    assertThat(DataDirectory.defaultPath(Map.of("XDG_DATA_HOME", "/srv/data"), HOME))
        .isEqualTo(Path.of("/srv/data/ferry"));
  }

  @Test
  void withoutItTheHomesLocalShare() {
    assertThat(DataDirectory.defaultPath(Map.of(), HOME))
        .isEqualTo(Path.of("/home/ops/.local/share/ferry"));
    assertThat(DataDirectory.defaultPath(Map.of("XDG_DATA_HOME", ""), HOME))
        .isEqualTo(Path.of("/home/ops/.local/share/ferry"));
  }

  @Test
  void aRelativeXdgDataHomeIsIgnored() {
    assertThat(DataDirectory.defaultPath(Map.of("XDG_DATA_HOME", "data"), HOME))
        .isEqualTo(Path.of("/home/ops/.local/share/ferry"));
  }
}
