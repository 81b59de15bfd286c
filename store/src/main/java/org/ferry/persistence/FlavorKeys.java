package org.ferry.persistence;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import org.ferry.model.unit.DataSize;
import org.ferry.model.vnf.Flavor;

/**
 * A flavor as a JSON object key (a VNF kind's measured sizes are keyed by flavor): {@code
 * vcpus:memoryBytes:diskBytes:name}, all four parts, since an inventory's explicit flavors are
 * not among the named ones and {@link Flavor#toString()} keeps only the name. The name goes last
 * because it is the only part that may hold a colon.
 */
final class FlavorKeys {

  private FlavorKeys() {}

  static String write(Flavor flavor) {
    return flavor.vcpus() + ":" + flavor.memory().bytes() + ":" + flavor.disk().bytes() + ":"
        + flavor.name();
  }

  static Flavor read(String key) {
    String[] parts = key.split(":", 4);
    if (parts.length != 4) {
      throw new IllegalArgumentException("a stored flavor key is vcpus:memory:disk:name, got '"
          + key + "'");
    }
    return new Flavor(parts[3], Integer.parseInt(parts[0]),
        DataSize.ofBytes(Long.parseLong(parts[1])), DataSize.ofBytes(Long.parseLong(parts[2])));
  }

  static final class Writer extends JsonSerializer<Flavor> {
    @Override
    public void serialize(Flavor flavor, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeFieldName(write(flavor));
    }
  }

  static final class Reader extends KeyDeserializer {
    @Override
    public Object deserializeKey(String key, DeserializationContext ctxt) {
      return read(key);
    }
  }
}
