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

  static long loadOrCreate(Path dir, long nowSeconds) throws IOException {
    Path file = dir.resolve(FILE);
    Properties p = new Properties();
    if (Files.exists(file)) {
      try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(in);
      }
      String value = p.getProperty("genesisTimestamp");
      if (value == null) {
        throw new IOException(file + " has no genesisTimestamp");
      }
      return Long.parseLong(value.trim());
    }
    p.setProperty("genesisTimestamp", Long.toString(nowSeconds));
    Path tmp = dir.resolve(FILE + ".tmp");
    try (var out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      p.store(out, "Basalt devnet: L1 genesis time (seconds). Delete the directory to start a new devnet.");
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    return nowSeconds;
  }
}
