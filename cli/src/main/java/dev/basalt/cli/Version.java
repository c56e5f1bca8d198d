package dev.basalt.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The node version, filled in by the build. */
public final class Version {
  private static final Properties BUILD = load();

  private Version() {}

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String current() {
    return property("version");
  }

  /**
   * A build fact from {@code version.properties} ({@code version}, {@code commit}, {@code built},
   * library versions), "unknown" when the build did not fill it in.
   */
  public static String property(String key) {
    String v = BUILD.getProperty(key, "unknown");
    return v.isBlank() || v.startsWith("${") ? "unknown" : v;
  }
}
