package dev.basalt.cli.flags;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The embedded devnet instead of a chain's services. */
@Command(description = "Local devnet")
public final class DevFlags {
  @Option(names = "--dev", description = "Run against the embedded local devnet (no external services).")
  boolean dev;

  @Option(names = "--dev.l1-block-time", paramLabel = "SECONDS", defaultValue = "2", description = "Devnet L1 block time in seconds (--dev only).")
  long l1BlockSeconds;

  public boolean dev() {
    return dev;
  }

  public long l1BlockSeconds() {
    return l1BlockSeconds;
  }
}
