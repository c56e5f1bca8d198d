package dev.basalt.cli.flags;

import dev.basalt.adapters.conductor.ConductorOptions;
import dev.basalt.core.crypto.SigningKey;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A sequencer's adapter settings, resolved from the signer, conductor and RPC flags: the block
 * signing key ({@link SigningKey} never prints its secret), op-conductor, and the admin-state file.
 * All empty for a validator.
 */
public record SequencerSettings(Optional<SigningKey> key, Optional<ConductorOptions> conductor, Optional<Path> adminState) {
  public static final SequencerSettings NONE = new SequencerSettings(Optional.empty(), Optional.empty(), Optional.empty());

  public SequencerSettings {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(conductor, "conductor");
    Objects.requireNonNull(adminState, "adminState");
  }
}
