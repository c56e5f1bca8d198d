package dev.basalt.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The devnet's genesis time and Basalt's role on it, stored beside its journal so a restarted
 * devnet continues the same chains instead of starting new ones (a devnet made before roles
 * existed was a validator's).
 */
final class DevnetGenesis {
  static final String FILE = "devnet.properties";

  private DevnetGenesis() {}

  /** Basalt's role on a devnet that does not say (made before the sequencing devnet). */
  static final String DEFAULT_MODE = "Validator";

  /** The stored genesis time, or empty for a new devnet. */
  static java.util.OptionalLong load(Path dir) throws IOException {
    Properties p = properties(dir);
    if (p == null) {
      return java.util.OptionalLong.empty();
    }
    Path file = dir.resolve(FILE);
    String value = p.getProperty("genesisTimestamp");
    if (value == null) {
      throw new IOException(file + " has no genesisTimestamp");
    }
    return java.util.OptionalLong.of(Long.parseLong(value.trim()));
  }

  /** Basalt's stored role on the devnet ({@code Sequencer} or {@code Validator}), or empty for a new devnet. */
  static java.util.Optional<String> mode(Path dir) throws IOException {
    Properties p = properties(dir);
    return p == null ? java.util.Optional.empty() : java.util.Optional.of(p.getProperty("mode", DEFAULT_MODE).trim());
  }

  private static Properties properties(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    if (!Files.exists(file)) {
      return null;
    }
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    return p;
  }

  /** Stores the genesis time and role (after the journal exists: the journal refuses a non-empty new directory). */
  static void save(Path dir, long genesisSeconds, String mode) throws IOException {
    Path file = dir.resolve(FILE);
    if (Files.exists(file)) {
      return;
    }
    Properties p = new Properties();
    p.setProperty("genesisTimestamp", Long.toString(genesisSeconds));
    p.setProperty("mode", mode);
    Path tmp = dir.resolve(FILE + ".tmp");
    try (var out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      p.store(out, "Basalt devnet: L1 genesis time (seconds). Delete the directory to start a new devnet.");
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
  }
}
