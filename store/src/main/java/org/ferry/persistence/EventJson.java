package org.ferry.persistence;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.ferry.model.vnf.Flavor;
import org.ferry.run.RunEvent;

/**
 * Run events as the store keeps them: JSON text that reads back into an equal event.
 *
 * <p>The core's records carry no Jackson annotations, so this mapper reads and writes their
 * fields (the record components) and nothing else: a derived accessor such as a report's {@code
 * elapsed()} is not stored, and the canonical constructor checks each value read back. Instants
 * and durations are ISO-8601 text, exact to the nanosecond; sealed interfaces carry a type id
 * ({@link SealedTypesIntrospector}).
 */
public final class EventJson {

  private final ObjectWriter writer;
  private final ObjectReader reader;

  public EventJson() {
    SimpleModule core = new SimpleModule("ferry-core-records") {
      @Override
      public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.insertAnnotationIntrospector(new SealedTypesIntrospector());
      }
    };
    core.addKeySerializer(Flavor.class, new FlavorKeys.Writer());
    core.addKeyDeserializer(Flavor.class, new FlavorKeys.Reader());
    ObjectMapper mapper = new ObjectMapper()
        .registerModule(new Jdk8Module())
        .registerModule(new JavaTimeModule())
        .registerModule(core)
        .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
        .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
        .setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        // Stored events outlive the code that wrote them: a member a later version dropped is
        // no reason to lose the run.
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    this.writer = mapper.writerFor(RunEvent.class);
    this.reader = mapper.readerFor(RunEvent.class);
  }

  /** The event as JSON text. */
  public String write(RunEvent event) {
    try {
      return writer.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + event.type() + " of run " + event.run()
          + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * An event read back from its JSON text.
   *
   * @throws IllegalStateException if the text is not a stored event (a damaged row, or one
   *     written by a newer Ferry)
   */
  public RunEvent read(String json) {
    try {
      return reader.readValue(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored run event cannot be read back: "
          + e.getOriginalMessage(), e);
    }
  }
}
