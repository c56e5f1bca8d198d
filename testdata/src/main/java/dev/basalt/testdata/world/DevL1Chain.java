package dev.basalt.testdata.world;

import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * An L1 chain that is a pure function of its seed, genesis time and block time: block n exists
 * once the clock passes {@code genesis + n * blockTime}. Restarting a node against the same
 * parameters therefore finds the same chain where it left it. Hashes are not real header hashes
 * (the spine needs identities, not Ethereum headers): the first 8 bytes hold the block number so a
 * hash can be resolved back to its block. Safe and finalized trail the head by fixed depths.
 */
public final class DevL1Chain {
  private final long seed;
  private final long genesisTimestamp;
  private final long blockTimeSeconds;
  private final int safeDepth;
  private final int finalizedDepth;

  public DevL1Chain(long seed, long genesisTimestamp, long blockTimeSeconds, int safeDepth, int finalizedDepth) {
    if (blockTimeSeconds <= 0) {
      throw new IllegalArgumentException("blockTimeSeconds must be positive");
    }
    this.seed = seed;
    this.genesisTimestamp = genesisTimestamp;
    this.blockTimeSeconds = blockTimeSeconds;
    this.safeDepth = safeDepth;
    this.finalizedDepth = finalizedDepth;
  }

  private Hash32 hash(long number) {
    if (number < 0) {
      return Hash32.ZERO;
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha.digest(ByteBuffer.allocate(24).putLong(seed).putLong(genesisTimestamp).putLong(number).array());
      ByteBuffer.wrap(digest).putLong(number);
      return Hash32.wrap(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public L1BlockRef block(long number) {
    return new L1BlockRef(hash(number), number, hash(number - 1), genesisTimestamp + number * blockTimeSeconds);
  }

  /** Number of the newest block at {@code nowSeconds}. */
  public long headNumber(long nowSeconds) {
    return Math.max(0, (nowSeconds - genesisTimestamp) / blockTimeSeconds);
  }

  public L1BlockRef head(long nowSeconds) {
    return block(headNumber(nowSeconds));
  }

  public L1BlockRef safe(long nowSeconds) {
    return block(Math.max(0, headNumber(nowSeconds) - safeDepth));
  }

  public L1BlockRef finalized(long nowSeconds) {
    return block(Math.max(0, headNumber(nowSeconds) - finalizedDepth));
  }

  /** The block with this hash if it exists by {@code nowSeconds}, else null. */
  public L1BlockRef byHash(Hash32 hash, long nowSeconds) {
    long number = ByteBuffer.wrap(hash.toArray()).getLong();
    if (number < 0 || number > headNumber(nowSeconds)) {
      return null;
    }
    L1BlockRef block = block(number);
    return block.hash().equals(hash) ? block : null;
  }

  public long genesisTimestamp() {
    return genesisTimestamp;
  }

  /** Block {@code number} as derivation sees it; the spine's devnet has no batches or deposits yet. */
  public dev.basalt.core.l1.L1Block l1Block(long number) {
    L1BlockRef ref = block(number);
    return dev.basalt.core.l1.L1Block.empty(ref, java.math.BigInteger.valueOf(1_000_000_000L), ref.parentHash());
  }
}
