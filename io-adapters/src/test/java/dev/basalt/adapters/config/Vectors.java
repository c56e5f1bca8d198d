package dev.basalt.adapters.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Chain-config vectors from the testdata module ({@code vectors/chain-configs/PROVENANCE.md}). */
final class Vectors {
  private Vectors() {}

  static String read(String name) {
    String path = "/vectors/chain-configs/" + name;
    try (InputStream in = Vectors.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test vector " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
