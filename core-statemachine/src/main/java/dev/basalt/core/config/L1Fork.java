package dev.basalt.core.config;

/**
 * L1 (Ethereum) forks that matter to an OP Stack node: the ones that set or change the blob
 * schedule. Declared in activation order; earlier forks have no blobs.
 */
public enum L1Fork {
  CANCUN,
  PRAGUE,
  /** Osaka (Fusaka) keeps Prague's blob parameters; its blob-count changes come as BPO forks. */
  OSAKA,
  BPO1,
  BPO2,
  BPO3,
  BPO4,
  BPO5
}
