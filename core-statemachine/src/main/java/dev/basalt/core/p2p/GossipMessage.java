package dev.basalt.core.p2p;

import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;

/**
 * The wire form of a block gossip message (op-node {@code publishRawSignedPayload}): {@code
 * snappy_block(signature(65) ++ signedBytes)}, published on the topic of the block's version.
 */
public final class GossipMessage {
  private GossipMessage() {}

  /** The compressed message data for a block and its 65-byte signature. */
  public static Bytes encode(Bytes signature, Bytes signedBytes) {
    if (signature.length() != 65) {
      throw new IllegalArgumentException("a block signature has 65 bytes, got " + signature.length());
    }
    byte[] raw = new byte[65 + signedBytes.length()];
    signature.copyTo(raw, 0);
    signedBytes.copyTo(raw, 65);
    return Bytes.wrapOwned(SnappyBlock.encode(raw));
  }

  /** The signed bytes of {@code envelope} in the version its timestamp selects on this chain. */
  public static Bytes signedBytes(RollupConfig rollup, ExecutionPayloadEnvelope envelope) {
    return PayloadSsz.signedBytes(envelope, BlockVersion.at(rollup, envelope.payload().timestamp()));
  }

  /** The signing hash of signed bytes (what the sequencer key signs). */
  public static Hash32 signingHash(long chainId, Bytes signedBytes) {
    return BlockSigning.signingHash(chainId, Keccak.hash(signedBytes));
  }

  /** The topic name of a block version on a chain: {@code /optimism/<chainId>/<version-1>/blocks}. */
  public static String topic(long chainId, BlockVersion version) {
    return "/optimism/" + chainId + "/" + version.ordinal() + "/blocks";
  }
}
