package dev.basalt.core.p2p;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the whitespace-separated vector files under {@code /p2p} (comment lines start with #). */
final class P2pVectors {
  private P2pVectors() {}

  static List<String[]> rows(String resource) {
    List<String[]> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        P2pVectors.class.getResourceAsStream("/p2p/" + resource), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.startsWith("#") && !line.isBlank()) {
          out.add(line.trim().split(" "));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
