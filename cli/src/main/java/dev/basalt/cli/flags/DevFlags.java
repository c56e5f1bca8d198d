package dev.basalt.cli.flags;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The embedded devnet instead of a chain's services. */
@Command(description = "Local devnet")
public final class DevFlags {
  @Option(names = "--dev", description = "Run against the embedded local devnet (no external services).")
  boolean dev;

  /** Who sequences the devnet's L2 chain. */
  public enum DevMode {
    /** Basalt builds the blocks; the devnet's embedded batcher posts them and Basalt derives them back. */
    Sequencer,
    /** The devnet's own sequencer builds the chain and Basalt follows it as a validator. */
    Validator
  }

  @Option(names = "--dev.mode", paramLabel = "Sequencer|Validator", defaultValue = "Sequencer",
      description = "Basalt's role on the devnet: Sequencer builds the L2 chain (an embedded batcher posts it to the devnet's L1"
          + " and Basalt derives it back as safe), Validator follows a chain the devnet sequences itself (--dev only;"
          + " default: ${DEFAULT-VALUE}).")
  DevMode mode;

  public DevMode mode() {
    return mode;
  }

  @Option(names = "--dev.l1-block-time", paramLabel = "SECONDS", defaultValue = "2", description = "Devnet L1 block time in seconds (--dev only).")
  long l1BlockSeconds;

  /** One week: the devnet rebuilds its whole history at start, which takes time in proportion to its age. */
  public static final long MAX_GENESIS_AGE_SECONDS = 7 * 24 * 3600;

  @Option(names = "--dev.genesis-age", paramLabel = "SECONDS", defaultValue = "0",
      description = "Start a new devnet with its genesis this many seconds in the past: its history is built at start and the"
          + " node catches up on it (--dev.mode Validator only, new data directory only).")
  long genesisAgeSeconds;

  public long genesisAgeSeconds() {
    return genesisAgeSeconds;
  }

  public boolean dev() {
    return dev;
  }

  public long l1BlockSeconds() {
    return l1BlockSeconds;
  }
}
