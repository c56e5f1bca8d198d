package dev.basalt.core.p2p;

/**
 * Why a block message got its outcome, one constant per rule of op-node's {@code
 * BuildBlocksValidator} in its order (plus Basalt's own guards). The codes are stable: they label
 * metrics and are written to the journal by the verdict command.
 */
public enum GossipReason {
  /** Every rule passed. */
  VALID(0, GossipOutcome.ACCEPT),
  /** The topic version is not one of the four block topics. */
  UNKNOWN_TOPIC(1, GossipOutcome.IGNORE),
  /** The snappy length header is not a valid uvarint. */
  SNAPPY_HEADER_INVALID(2, GossipOutcome.REJECT),
  /** The declared decoded length exceeds 10 MiB (a possible zip bomb). */
  TOO_LARGE(3, GossipOutcome.REJECT),
  /** The declared decoded length is below 66 bytes (signature plus at least one byte). */
  TOO_SMALL(4, GossipOutcome.REJECT),
  /** The snappy body is corrupt. */
  SNAPPY_INVALID(5, GossipOutcome.REJECT),
  /** No unsafe-block signer is known, so no block can be authenticated. */
  NO_SIGNER(6, GossipOutcome.IGNORE),
  /** The signature does not recover to a public key. */
  SIGNATURE_INVALID(7, GossipOutcome.REJECT),
  /** The signature recovers to someone other than the unsafe-block signer. */
  WRONG_SIGNER(8, GossipOutcome.REJECT),
  /** The signed part is not a payload of the topic's SSZ layout. */
  SSZ_INVALID(9, GossipOutcome.REJECT),
  /** The payload's timestamp is more than 60 s before the receive time. */
  TOO_OLD(10, GossipOutcome.REJECT),
  /** The payload's timestamp is more than 5 s after the receive time. */
  TOO_NEW(11, GossipOutcome.REJECT),
  /** The stated block hash is not the hash of the header the payload implies. */
  BLOCK_HASH_MISMATCH(12, GossipOutcome.REJECT),
  /** A v2+ payload with a non-empty withdrawals list (or a v1 payload with one). */
  WITHDRAWALS(13, GossipOutcome.REJECT),
  /** A v3+ payload with non-zero blob gas used before Jovian, or non-zero excess blob gas. */
  BLOB_GAS(14, GossipOutcome.REJECT),
  /** A v3+ payload without a parent beacon block root, or a v4 one without a withdrawals root. */
  MISSING_FIELD(15, GossipOutcome.REJECT),
  /** More than five different blocks were already seen at this height (equivocation). */
  TOO_MANY_AT_HEIGHT(16, GossipOutcome.REJECT),
  /** This block was already seen. */
  DUPLICATE(17, GossipOutcome.IGNORE);

  private final int code;
  private final GossipOutcome outcome;

  GossipReason(int code, GossipOutcome outcome) {
    this.code = code;
    this.outcome = outcome;
  }

  /** The stable code written to the journal. */
  public int code() {
    return code;
  }

  /** The outcome this reason leads to. */
  public GossipOutcome outcome() {
    return outcome;
  }

  /** The reason with this code; {@code IllegalArgumentException} for an unknown one. */
  public static GossipReason ofCode(int code) {
    for (GossipReason r : values()) {
      if (r.code == code) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown gossip reason code " + code);
  }

  /** The metric label: lower case, as in {@code too_many_at_height}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
