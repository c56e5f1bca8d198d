package dev.basalt.adapters.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads text resources shipped in the jar. A missing one is a packaging bug, not an operator error. */
final class Resources {
  private Resources() {}

  static String read(String path) {
    try (InputStream in = Resources.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalStateException("resource missing from the jar: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("reading resource " + path, e);
    }
  }
}
