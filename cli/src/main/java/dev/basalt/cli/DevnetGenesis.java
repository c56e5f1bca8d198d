package dev.basalt.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The devnet's genesis time, stored beside its journal so a restarted devnet continues the same
 * L1 chain instead of starting a new one.
 */
final class DevnetGenesis {
  static final String FILE = "devnet.properties";

  private DevnetGenesis() {}

  /** The stored genesis time, or empty for a new devnet. */
  static java.util.OptionalLong load(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    if (!Files.exists(file)) {
      return java.util.OptionalLong.empty();
    }
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    String value = p.getProperty("genesisTimestamp");
    if (value == null) {
      throw new IOException(file + " has no genesisTimestamp");
    }
    return java.util.OptionalLong.of(Long.parseLong(value.trim()));
  }

  /** Stores the genesis time (after the journal exists: the journal refuses a non-empty new directory). */
  static void save(Path dir, long genesisSeconds) throws IOException {
    Path file = dir.resolve(FILE);
    if (Files.exists(file)) {
      return;
    }
    Properties p = new Properties();
    p.setProperty("genesisTimestamp", Long.toString(genesisSeconds));
    Path tmp = dir.resolve(FILE + ".tmp");
    try (var out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      p.store(out, "Basalt devnet: L1 genesis time (seconds). Delete the directory to start a new devnet.");
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
  }
}
