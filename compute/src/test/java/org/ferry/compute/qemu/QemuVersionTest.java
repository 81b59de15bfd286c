package org.ferry.compute.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QemuVersionTest {

  @Test
  void readsDebiansVersionLines() {
    assertThat(QemuVersion.parse("QEMU emulator version 7.2.22 (Debian 1:7.2+dfsg-7+deb12u18+b3)\n"
        + "Copyright (c) 2003-2022 Fabrice Bellard and the QEMU Project developers\n"))
        .isEqualTo(new QemuVersion(7, 2, 22));
    assertThat(QemuVersion.parse("QEMU emulator version 10.0.2 (Debian 1:10.0.2+ds-2)"))
        .isEqualTo(new QemuVersion(10, 0, 2));
    assertThat(QemuVersion.parse("QEMU emulator version 9.1")).isEqualTo(new QemuVersion(9, 1, 0));
  }

  @Test
  void anUnreadableVersionSaysWhatItRead() {
    assertThatThrownBy(() -> QemuVersion.parse("bash: qemu: command not found"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("command not found");
  }

  @Test
  void aQemuBeforeNineIsRefusedWithTheReasonAndTheFix() {
    assertThatThrownBy(() -> new QemuVersion(7, 2, 22).requireSoundTcgMigration())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("QEMU 7.2.22 loses guest writes")
        .hasMessageContaining("scripts/testbed-setup.sh");
    assertThatThrownBy(() -> new QemuVersion(8, 2, 9).requireSoundTcgMigration())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void nineAndLaterAreAccepted() {
    assertThat(new QemuVersion(9, 0, 0).requireSoundTcgMigration()).isNotNull();
    assertThat(new QemuVersion(10, 0, 2).atLeast(QemuVersion.SOUND_TCG_MIGRATION)).isTrue();
    assertThat(new QemuVersion(8, 99, 99).atLeast(QemuVersion.SOUND_TCG_MIGRATION)).isFalse();
  }
}
