package dev.basalt.testdata.world.rollup;

/**
 * How the world sequencer behaves.
 *
 * @param l1ConfirmationDepth how many L1 blocks must follow an L1 block before it becomes an L1
 *     origin (op-node's sequencer confirmation depth); reorgs no deeper than this never touch an
 *     origin
 * @param maxUserTxsPerBlock user transactions per block are drawn from 0 to this
 * @param userAccounts how many L2 accounts send them
 */
public record SequencerConfig(int l1ConfirmationDepth, int maxUserTxsPerBlock, int userAccounts) {
  public SequencerConfig {
    if (l1ConfirmationDepth < 0 || maxUserTxsPerBlock < 0 || userAccounts <= 0) {
      throw new IllegalArgumentException("invalid sequencer configuration");
    }
  }

  public static SequencerConfig defaults() {
    return new SequencerConfig(2, 3, 8);
  }
}
