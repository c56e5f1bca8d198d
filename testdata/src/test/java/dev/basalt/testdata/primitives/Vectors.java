package dev.basalt.testdata.primitives;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the JSON vectors under {@code testdata/src/main/resources/vectors} from the classpath. */
final class Vectors {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Vectors() {}

  /** The parsed JSON at {@code vectors/<path>}; fails the test when it is missing. */
  static JsonNode json(String path) {
    String resource = "vectors/" + path;
    try (InputStream in = Vectors.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test vector " + resource);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean exists(String path) {
    return Vectors.class.getClassLoader().getResource("vectors/" + path) != null;
  }
}
