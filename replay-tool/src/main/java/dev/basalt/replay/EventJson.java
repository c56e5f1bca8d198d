package dev.basalt.replay;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.basalt.core.command.Command;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.PayloadId;
import dev.basalt.core.rpc.AdminRequest;
import dev.basalt.core.rpc.RpcOutcome;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Jackson mapper that renders core events and commands as JSON: records by their components
 * in declaration order, byte values as {@code 0x} hex strings, {@link Optional} as its value or
 * {@code null}, and the variants of sealed vocabularies (commands, engine responses, admin
 * requests, RPC outcomes) with a {@code "type"} property holding the record's simple class name.
 * Input events get their type from the line around them (see {@link EventPrinter}).
 */
public final class EventJson {
  private EventJson() {}

  /** A new mapper; configure nothing further on it (it is shared read-only once built). */
  public static ObjectMapper mapper() {
    SimpleModule core = new SimpleModule("basalt-core");
    core.addSerializer(Hash32.class, hex(Hash32.class, Hash32::toHex));
    core.addSerializer(Address.class, hex(Address.class, Address::toHex));
    core.addSerializer(Bytes.class, hex(Bytes.class, Bytes::toHex));
    core.addSerializer(PayloadId.class, hex(PayloadId.class, PayloadId::toHex));
    core.addSerializer(new OptionalSerializer());
    core.addSerializer(new OptionalLongSerializer());
    return JsonMapper.builder()
        // Records by their fields only: helper methods such as isZero() or id() are not state.
        .visibility(PropertyAccessor.ALL, Visibility.NONE)
        .visibility(PropertyAccessor.FIELD, Visibility.ANY)
        .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .addMixIn(Command.class, TypedBySimpleName.class)
        .addMixIn(EngineResponse.class, TypedBySimpleName.class)
        .addMixIn(AdminRequest.class, TypedBySimpleName.class)
        .addMixIn(RpcOutcome.class, TypedBySimpleName.class)
        .addModule(core)
        .build();
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
  private interface TypedBySimpleName {}

  private static <T> StdSerializer<T> hex(Class<T> type, Function<T, String> toHex) {
    return new StdSerializer<>(type) {
      private static final long serialVersionUID = 1L;

      @Override
      public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(toHex.apply(value));
      }
    };
  }

  /** Without the jdk8 module Jackson refuses Optional; this is all we need of it. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static final class OptionalSerializer extends StdSerializer<Optional> {
    private static final long serialVersionUID = 1L;

    OptionalSerializer() {
      super(Optional.class);
    }

    @Override
    public void serialize(Optional value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      if (value.isPresent()) {
        provider.defaultSerializeValue(value.get(), gen);
      } else {
        gen.writeNull();
      }
    }

    @Override
    public boolean isEmpty(SerializerProvider provider, Optional value) {
      return value == null || value.isEmpty();
    }
  }

  /** {@link java.util.OptionalLong} as its value or null. */
  private static final class OptionalLongSerializer extends StdSerializer<java.util.OptionalLong> {
    private static final long serialVersionUID = 1L;

    OptionalLongSerializer() {
      super(java.util.OptionalLong.class);
    }

    @Override
    public void serialize(java.util.OptionalLong value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      if (value.isPresent()) {
        gen.writeNumber(value.getAsLong());
      } else {
        gen.writeNull();
      }
    }
  }
}
