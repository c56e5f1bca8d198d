package dev.basalt.testdata.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Reads the vectors under {@code src/main/resources/vectors} from the test classpath. */
public final class Vectors {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Vectors() {}

  public static byte[] bytes(String path) {
    try (InputStream in = Vectors.class.getClassLoader().getResourceAsStream("vectors/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no vector vectors/" + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String text(String path) {
    return new String(bytes(path), StandardCharsets.UTF_8);
  }

  public static JsonNode json(String path) {
    try {
      return JSON.readTree(bytes(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The vector's location on disk (resources are unpacked under target/classes in a build). */
  public static Path path(String path) {
    URL url = Vectors.class.getClassLoader().getResource("vectors/" + path);
    if (url == null) {
      throw new IllegalArgumentException("no vector vectors/" + path);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Hex digits of a hex file: optional 0x, surrounding whitespace ignored. */
  public static String hexFile(String path) {
    String s = text(path).strip();
    return s.startsWith("0x") ? s.substring(2) : s;
  }
}
