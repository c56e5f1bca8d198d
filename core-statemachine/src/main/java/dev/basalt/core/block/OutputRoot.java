package dev.basalt.core.block;

import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.types.Hash32;

/**
 * The L2 output commitment (specs {@code protocol/proposals.md}, "L2 Output Commitment
 * Construction"): version 0 is {@code keccak256(bytes32(0) ‖ stateRoot ‖ messagePasserStorageRoot ‖
 * blockHash)}, where the middle root is the storage root of the L2ToL1MessagePasser predeploy.
 */
public final class OutputRoot {
  /** The only version defined so far. */
  public static final Hash32 VERSION_0 = Hash32.ZERO;

  private OutputRoot() {}

  /** The 128 bytes that version 0 hashes. */
  public static byte[] encodeV0(Hash32 stateRoot, Hash32 messagePasserStorageRoot, Hash32 blockHash) {
    byte[] out = new byte[128];
    VERSION_0.copyTo(out, 0);
    stateRoot.copyTo(out, 32);
    messagePasserStorageRoot.copyTo(out, 64);
    blockHash.copyTo(out, 96);
    return out;
  }

  public static Hash32 v0(Hash32 stateRoot, Hash32 messagePasserStorageRoot, Hash32 blockHash) {
    return Keccak.hash(encodeV0(stateRoot, messagePasserStorageRoot, blockHash));
  }

  /**
   * The output root of an Isthmus-or-later L2 header, whose {@code withdrawalsRoot} is the message
   * passer's storage root (specs {@code protocol/isthmus/exec-engine.md}). Before Isthmus that root
   * is not in the header and must come from an {@code eth_getProof} of the predeploy.
   */
  public static Hash32 ofIsthmusHeader(BlockHeader header) {
    if (header.withdrawalsRoot() == null) {
      throw new IllegalArgumentException("header has no withdrawalsRoot; it is not an Isthmus L2 header");
    }
    return v0(header.stateRoot(), header.withdrawalsRoot(), header.hash());
  }
}
