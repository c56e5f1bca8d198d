package dev.basalt.cli.flags;

import dev.basalt.adapters.conductor.ConductorOptions;
import dev.basalt.adapters.sequencer.BlockSigner;
import dev.basalt.adapters.sequencer.LocalBlockSigner;
import dev.basalt.adapters.sequencer.RemoteBlockSigner;
import dev.basalt.adapters.sequencer.RemoteSignerOptions;
import dev.basalt.core.crypto.SigningKey;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A sequencer's adapter settings, resolved from the signer, conductor and RPC flags: the block
 * signing key ({@link SigningKey} never prints its secret) or the remote op-signer (at most one of
 * the two), op-conductor, and the admin-state file. All empty for a validator.
 */
public record SequencerSettings(Optional<SigningKey> key, Optional<RemoteSignerOptions> remoteSigner,
    Optional<ConductorOptions> conductor, Optional<Path> adminState) {
  public static final SequencerSettings NONE = new SequencerSettings(Optional.empty(), Optional.empty(), Optional.empty());

  public SequencerSettings {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(remoteSigner, "remoteSigner");
    Objects.requireNonNull(conductor, "conductor");
    Objects.requireNonNull(adminState, "adminState");
    if (key.isPresent() && remoteSigner.isPresent()) {
      throw new IllegalArgumentException("a local key and a remote signer cannot both sign");
    }
  }

  /** A local key or none, no remote signer. */
  public SequencerSettings(Optional<SigningKey> key, Optional<ConductorOptions> conductor, Optional<Path> adminState) {
    this(key, Optional.empty(), conductor, adminState);
  }

  /** The block signer, if blocks are signed: the local key or op-signer. */
  public Optional<BlockSigner> signer() {
    return key.<BlockSigner>map(LocalBlockSigner::new).or(() -> remoteSigner.map(RemoteBlockSigner::new));
  }

  /** The signing address and how, for the startup line. */
  public Optional<String> signerDescription() {
    return key.map(k -> k.address() + " (local key)")
        .or(() -> remoteSigner.map(r -> r.address() + " (op-signer at " + r.endpoint() + ")"));
  }
}
