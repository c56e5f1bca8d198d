package dev.basalt.core.p2p;

import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.crypto.EcdsaSignature;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.crypto.Secp256k1;
import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;

/**
 * The block signature of rollup-node-p2p (op-node {@code BlockSigningHash}): {@code
 * keccak256(domain ++ chainId ++ keccak256(signedBytes))} with the all-zero 32-byte domain
 * {@code SigningDomainBlocksV1} and the chain id as a 32-byte big-endian integer; the signature is
 * {@code r ++ s ++ v} with {@code v} the recovery id 0 or 1.
 */
public final class BlockSigning {
  private static final byte[] DOMAIN_BLOCKS_V1 = new byte[32];

  private BlockSigning() {}

  /** The signing hash over an already computed payload hash. */
  public static Hash32 signingHash(long chainId, Hash32 payloadHash) {
    if (chainId < 0) {
      throw new IllegalArgumentException("chain id must be non-negative");
    }
    byte[] id = new byte[32];
    for (int i = 0; i < 8; i++) {
      id[31 - i] = (byte) (chainId >>> (8 * i));
    }
    return Keccak.hash(DOMAIN_BLOCKS_V1, id, payloadHash.toArray());
  }

  /** The signing hash of a block of this chain, in the gossip version its timestamp selects. */
  public static Hash32 signingHash(RollupConfig rollup, ExecutionPayloadEnvelope envelope) {
    BlockVersion version = BlockVersion.at(rollup, envelope.payload().timestamp());
    return signingHash(rollup.l2ChainId(), Keccak.hash(PayloadSsz.signedBytes(envelope, version)));
  }

  /** The 65-byte signature {@code r ++ s ++ v} (RFC 6979 nonce, low s). */
  public static Bytes sign(SigningKey key, Hash32 signingHash) {
    EcdsaSignature sig = Secp256k1.sign(signingHash, key);
    byte[] out = new byte[65];
    copy32(sig.r(), out, 0);
    copy32(sig.s(), out, 32);
    out[64] = (byte) sig.recoveryId();
    return Bytes.wrapOwned(out);
  }

  private static void copy32(BigInteger v, byte[] out, int offset) {
    byte[] be = v.toByteArray();
    int n = Math.min(be.length, 32);
    System.arraycopy(be, be.length - n, out, offset + 32 - n, n);
  }
}
