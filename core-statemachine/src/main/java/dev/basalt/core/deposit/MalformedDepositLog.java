package dev.basalt.core.deposit;

import java.util.Objects;

/** A deposit-contract log that could not be turned into a deposit, located by its log index. */
public record MalformedDepositLog(long logIndex, DepositLogError error, String detail) {
  public MalformedDepositLog {
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(detail, "detail");
  }
}
