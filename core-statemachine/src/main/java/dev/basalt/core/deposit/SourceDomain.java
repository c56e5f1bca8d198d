package dev.basalt.core.deposit;

/**
 * The domains of deposit source hashes (specs {@code protocol/deposits.md}, op-node
 * {@code deposit_source.go}). The domain is hashed first, as a 32-byte big-endian integer, so
 * deposits of different kinds can never share a source hash.
 */
public enum SourceDomain {
  /** A user deposit: L1 block hash and the log's index in that block. */
  USER_DEPOSIT(0),
  /** The L1-attributes deposit: L1 block hash and the L2 block's sequence number. */
  L1_INFO(1),
  /** A network-upgrade transaction: the hash of its intent string. */
  UPGRADE(2),
  /**
   * The interop "deposits complete" transaction that follows user deposits (op-node
   * {@code AfterForceIncludeSource}): L1 block hash and sequence number. Not used on OP Mainnet.
   */
  AFTER_FORCE_INCLUDE(3);

  private final int code;

  SourceDomain(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
