package dev.basalt.core.deposit;

import java.util.List;

/**
 * The user deposits of one L1 block, or the reason there are none to give.
 *
 * <p>Deposits may never be skipped: op-node fails the whole block's payload attributes with a
 * critical error when any deposit log is malformed ({@code PreparePayloadAttributes}: "failed to
 * derive some deposits"), so a pipeline receiving {@link Rejected} must stop deriving (critical
 * severity), not drop the bad log and continue.
 */
public sealed interface UserDeposits {

  /** Every deposit log of the block decoded; the deposits in log order. */
  record Derived(List<DepositTransaction> deposits) implements UserDeposits {
    public Derived {
      deposits = List.copyOf(deposits);
    }
  }

  /** At least one deposit log is malformed; all malformed logs are listed, in log order. */
  record Rejected(List<MalformedDepositLog> malformed) implements UserDeposits {
    public Rejected {
      malformed = List.copyOf(malformed);
      if (malformed.isEmpty()) {
        throw new IllegalArgumentException("a rejection needs at least one malformed log");
      }
    }
  }
}
