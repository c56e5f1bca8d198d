package dev.basalt.cli.flags;

import dev.basalt.journal.JournalOptions;
import java.nio.file.Path;

/**
 * What the storage flags say.
 *
 * @param dataDir {@code --datadir}, null for the default (which depends on the chain)
 * @param safeDbPath {@code --safedb.path}, null for {@code safe-heads.db} in the data directory
 */
public record StorageSettings(Path dataDir, Path safeDbPath, JournalOptions journal, long snapshotEveryEvents) {
  public static final String SAFE_HEADS_FILE = "safe-heads.db";

  /** The data directory for chain {@code l2ChainId} (or the devnet). */
  public Path dataDirFor(String defaultName) {
    return dataDir != null ? dataDir : Path.of("data", defaultName);
  }

  /** The safe-head database for data directory {@code dir}. */
  public Path safeDbFor(Path dir) {
    return safeDbPath != null ? safeDbPath : dir.resolve(SAFE_HEADS_FILE);
  }
}
