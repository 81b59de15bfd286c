package org.ferry.epc.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void writesAndReadsBackNestedValues() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", "ue \"1\"\n");
    m.put("n", 42L);
    m.put("x", 1.5);
    m.put("ok", true);
    m.put("none", null);
    m.put("list", List.of(1L, "two", Map.of("k", "v")));

    String text = Json.write(m);

    assertThat(Json.parse(text)).isEqualTo(m);
  }

  @Test
  void rejectsBrokenDocumentsNamingTheOffset() {
    assertThatThrownBy(() -> Json.parse("{\"a\": }")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offset");
    assertThatThrownBy(() -> Json.parse("[1, 2")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Json.parse("{} x")).isInstanceOf(IllegalArgumentException.class);
  }
}
