package dev.basalt.adapters.sequencer;

import dev.basalt.core.p2p.BlockSigning;
import dev.basalt.core.types.Hash32;
import java.util.Objects;

/**
 * What a sequencer signs for one block (rollup-node-p2p block signatures): the chain id and the
 * payload hash (keccak256 of the gossip payload), and their signing hash {@code keccak256(zero
 * domain ++ chainId ++ payloadHash)}. A local key signs the signing hash; op-signer is sent the
 * parts and hashes them itself.
 */
public record BlockMessage(long chainId, Hash32 payloadHash, Hash32 signingHash) {
  public BlockMessage {
    Objects.requireNonNull(payloadHash, "payloadHash");
    Objects.requireNonNull(signingHash, "signingHash");
  }

  /** The message of {@code payloadHash} on chain {@code chainId}. */
  public static BlockMessage of(long chainId, Hash32 payloadHash) {
    return new BlockMessage(chainId, payloadHash, BlockSigning.signingHash(chainId, payloadHash));
  }
}
