package dev.basalt.testdata.sim;

import java.util.HashMap;
import java.util.TreeMap;

/**
 * "Sometimes" assertions: named marks a run hits when it reaches a fault or a recovery path. A
 * swarm that never hits a mark has not tested that path, and fails.
 */
final class Coverage {
  /** Every mark a healthy swarm must reach, beside one "injected: CLASS" per fault class. */
  static final String[] REQUIRED = {
    "safe head rewound after a disruption", "reorg below the safe head's origin", "node restarted from its journal",
    "torn journal tail", "converged after faults", "forkchoice update checked against the engine",
    "gossip: true block accepted", "unsafe head ahead of safe from gossip", "gossip: duplicate ignored", "gossip: bad signature rejected",
    "gossip: too old rejected", "gossip: too new rejected", "gossip: equivocating block accepted",
    "gossip: too many blocks at a height rejected", "equivocating block became the unsafe head",
    "equivocating block replaced by derivation", "gossip flood absorbed", "unsafe-block signer observed again after a restart",
    "unsafe-block signer rotated on L1", "unsafe-block signer learned from L1 after a rotation",
    "gossip: block by a signer the node does not know (yet or any more) rejected", "gossip: true block by a rotated signer accepted",
    "gossip: child of a forged block accepted", "equivocating chain became the unsafe head",
    "finalized head moved on after L1 finality lagged then jumped", "INVALID payload replaced by its deposits-only block"
  };

  /** Every mark a healthy sequencer swarm must reach, beside one "injected: CLASS" per fault class. */
  static final String[] REQUIRED_SEQUENCER = {
    "node restarted from its journal", "torn journal tail", "converged after faults", "forkchoice update checked against the engine",
    "sequencer origin advanced", "sequencer build started again on the same parent", "reorg of the sequencer's next origin",
    "sequencer reached the drift bound", "sequencer's unsafe chain rewound", "sequencer re-sealed a height after a disruption",
    "conductor commit failed", "conductor leadership lost and regained",
    "gossip: duplicate ignored", "gossip: bad signature rejected", "gossip: too old rejected", "gossip: too new rejected",
    "gossip flood absorbed", "finalized head moved on after L1 finality lagged then jumped"
  };

  static String[] required(dev.basalt.core.NodeMode mode) {
    return mode == dev.basalt.core.NodeMode.SEQUENCER ? REQUIRED_SEQUENCER : REQUIRED;
  }

  /**
   * Counts by mark, found by hash (some marks are hit at every event, and a sorted map compared
   * strings all the way down); only ever read through {@link #marks()}, which sorts them.
   */
  private final HashMap<String, int[]> counts = new HashMap<>();

  void mark(String name) {
    int[] n = counts.get(name);
    if (n == null) {
      counts.put(name, new int[] {1});
    } else {
      n[0]++;
    }
  }

  TreeMap<String, Integer> marks() {
    TreeMap<String, Integer> sorted = new TreeMap<>();
    counts.forEach((name, n) -> sorted.put(name, n[0])); // order-free: the TreeMap sorts
    return sorted;
  }
}
