package org.ferry.epc.hss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubscriberStoreTest {

  @TempDir Path dir;

  @Test
  void survivesARestartWithSequenceNumbersAndServingMme() throws Exception {
    Path file = dir.resolve("hss.json");
    SubscriberStore store = SubscriberStore.open(file);
    store.provision("001010000000001", 3);
    store.nextSqn("001010000000002");
    store.nextSqn("001010000000002");
    store.updateLocation("001010000000002", "mme-a");

    SubscriberStore reopened = SubscriberStore.open(file);

    assertThat(reopened.size()).isEqualTo(3);
    Subscriber s = reopened.find("001010000000002").orElseThrow();
    assertThat(s.sqn()).isEqualTo(2 * SubscriberStore.SQN_STEP);
    assertThat(s.servingMme()).isEqualTo("mme-a");
    assertThat(s.key()).isEqualTo(store.find("001010000000002").orElseThrow().key());
    assertThat(Files.list(dir)).extracting(p -> p.getFileName().toString())
        .containsExactly("hss.json"); // no temporary file left behind
  }

  @Test
  void provisioningAgainKeepsExistingState() throws Exception {
    Path file = dir.resolve("hss.json");
    SubscriberStore store = SubscriberStore.open(file);
    store.provision("001010000000001", 2);
    store.nextSqn("001010000000001");

    SubscriberStore.open(file).provision("001010000000001", 2);

    assertThat(SubscriberStore.open(file).find("001010000000001").orElseThrow().sqn())
        .isEqualTo(SubscriberStore.SQN_STEP);
  }

  @Test
  void aCorruptStoreIsRefusedWithItsName() throws Exception {
    Path file = dir.resolve("hss.json");
    Files.writeString(file, "{\"subscribers\": [ {\"imsi\": ");

    assertThatThrownBy(() -> SubscriberStore.open(file)).isInstanceOf(IOException.class)
        .hasMessageContaining("hss.json");
  }

  @Test
  void unknownSubscribersAreEmpty() throws Exception {
    SubscriberStore store = SubscriberStore.open(dir.resolve("x.json"));
    assertThat(store.nextSqn("001019999999999")).isEmpty();
  }
}
