package dev.basalt.core.tx;

import dev.basalt.core.types.Log;
import java.util.List;
import java.util.Objects;

/**
 * A post-Byzantium (EIP-658) L1 receipt: {@code rlp([status, cumulativeGasUsed, logsBloom, logs])},
 * prefixed with the transaction's type byte unless legacy. {@code typeByte} may be a future type
 * (0x05..0x7d): the derivation spec reads logs from such receipts as long as they keep this shape.
 * OP deposit receipts (0x7e, with deposit nonce and version) are not L1 receipts and are not
 * modelled here.
 */
public record Receipt(int typeByte, boolean success, long cumulativeGasUsed, Bloom logsBloom, List<Log> logs) {
  public Receipt {
    Objects.requireNonNull(logsBloom, "logsBloom");
    logs = List.copyOf(logs);
    if (typeByte < 0 || typeByte > 0x7d) {
      throw new IllegalArgumentException("not an L1 receipt type: " + typeByte);
    }
  }

  /** A receipt whose bloom is computed from its logs. */
  public static Receipt of(int typeByte, boolean success, long cumulativeGasUsed, List<Log> logs) {
    return new Receipt(typeByte, success, cumulativeGasUsed, Bloom.ofLogs(logs), logs);
  }
}
