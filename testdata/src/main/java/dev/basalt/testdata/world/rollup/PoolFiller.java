package dev.basalt.testdata.world.rollup;

import dev.basalt.testdata.gen.SimRng;
import dev.basalt.testdata.world.engine.FakeEngine;

/**
 * L2 users of a world whose node sequences: every L2 slot, 0 to {@code maxUserTxsPerBlock} signed
 * transactions join the node engine's pool (the sequencer's blocks take them unless {@code
 * noTxPool}). The pool is kept short so an engine that was not asked to build for a while does not
 * pile them up. No EIP-7702 transactions: one made after Isthmus could land in a block the node
 * sequences late with an earlier timestamp, which derivation would rightly refuse.
 */
public final class PoolFiller {
  /** The pool is not filled past this many transactions. */
  static final int MAX_POOL = 16;

  private final UserTxs users;
  private final SimRng rng;
  private final int maxPerSlot;

  public PoolFiller(long l2ChainId, SequencerConfig config, SimRng rng) {
    this.users = new UserTxs(l2ChainId, rng.fork("users"), config.userAccounts());
    this.rng = rng.fork("counts");
    this.maxPerSlot = config.maxUserTxsPerBlock();
  }

  /** One slot's transactions into {@code engine}'s pool. */
  public void fill(FakeEngine engine) {
    int count = rng.nextInt(maxPerSlot + 1);
    if (engine.poolSize() + count > MAX_POOL) {
      return;
    }
    users.next(count, false).forEach(engine::addPoolTransaction);
  }
}
