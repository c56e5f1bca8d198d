package dev.basalt.cli.flags;

import dev.basalt.journal.JournalOptions;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Where the journal, snapshots and safe-head database live, and how the journal rolls and syncs. */
@Command(description = "Data directory and journal")
public final class StorageFlags {
  @Option(names = "--datadir", paramLabel = "DIR",
      description = "Journal, snapshots and safe-head database (default: ./data/dev with --dev, else ./data/<chain id>).")
  @Env("BASALT_DATADIR")
  Path dataDir;

  @Option(names = "--safedb.path", paramLabel = "FILE", description = "Safe-head database file (default: <datadir>/safe-heads.db).")
  @Env({"KONA_NODE_SAFEDB_PATH", "OP_NODE_SAFEDB_PATH"})
  Path safeDbPath;

  @Option(names = "--journal.roll-cycle", paramLabel = "CYCLE", defaultValue = "DAILY", description = "Start a new journal file HOURLY or DAILY.")
  JournalOptions.RollCycle rollCycle;

  @Option(names = "--journal.retain-cycles", paramLabel = "N", defaultValue = "0",
      description = "Keep only the newest N journal files, deleting older ones behind a snapshot (0 keeps all).")
  int retainCycles;

  @Option(names = "--journal.strict-durability", description = "Sync the journal to disk at every batch end (survives power loss, costs latency).")
  boolean strictDurability;

  @Option(names = "--journal.snapshot-interval", paramLabel = "EVENTS", defaultValue = "100000", description = "Write a core snapshot every EVENTS events.")
  long snapshotEveryEvents;

  /** The values, checked. */
  public StorageSettings settings() {
    if (retainCycles < 0) {
      throw new FlagException("--journal.retain-cycles must be 0 (keep all) or more, got " + retainCycles);
    }
    if (snapshotEveryEvents < 1) {
      throw new FlagException("--journal.snapshot-interval must be at least 1 event, got " + snapshotEveryEvents);
    }
    return new StorageSettings(dataDir, safeDbPath, new JournalOptions(rollCycle, retainCycles, strictDurability), snapshotEveryEvents);
  }
}
