package dev.basalt.core.deposit;

import java.util.Objects;

/** The outcome of decoding one {@code TransactionDeposited} log: a deposit, or why not. */
public sealed interface DecodedDepositLog {

  /** The log decoded to this deposit transaction. */
  record Valid(DepositTransaction deposit) implements DecodedDepositLog {
    public Valid {
      Objects.requireNonNull(deposit, "deposit");
    }
  }

  /** The log is malformed; {@code detail} is for humans and logs only. */
  record Invalid(DepositLogError error, String detail) implements DecodedDepositLog {
    public Invalid {
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
