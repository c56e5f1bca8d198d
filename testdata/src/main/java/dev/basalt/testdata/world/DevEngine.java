package dev.basalt.testdata.world;

import dev.basalt.core.engine.ExecutionStatus;
import dev.basalt.core.engine.ForkchoiceState;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;

/**
 * The spine's stand-in execution engine: it holds the L2 genesis block and accepts forkchoice
 * updates that point at blocks it has. Block building arrives with the validator issue.
 */
public final class DevEngine {
  private final L2BlockRef genesis;
  private volatile ForkchoiceState forkchoice;

  public DevEngine(L1BlockRef l1Genesis, long l2GenesisTimestamp) {
    byte[] h = new byte[32];
    h[0] = 0x12;
    this.genesis = new L2BlockRef(Hash32.wrap(h), 0, Hash32.ZERO, l2GenesisTimestamp, new BlockId(l1Genesis.hash(), l1Genesis.number()), 0);
    this.forkchoice = new ForkchoiceState(genesis.hash(), genesis.hash(), genesis.hash());
  }

  public L2BlockRef genesis() {
    return genesis;
  }

  public L2BlockRef head() {
    return genesis;
  }

  /** Applies a forkchoice update the way an engine would: VALID for known blocks. */
  public ExecutionStatus forkchoiceUpdated(ForkchoiceState state) {
    boolean known =
        state.headBlockHash().equals(genesis.hash())
            && state.safeBlockHash().equals(genesis.hash())
            && state.finalizedBlockHash().equals(genesis.hash());
    if (!known) {
      return ExecutionStatus.SYNCING;
    }
    forkchoice = state;
    return ExecutionStatus.VALID;
  }

  public ForkchoiceState forkchoice() {
    return forkchoice;
  }
}
