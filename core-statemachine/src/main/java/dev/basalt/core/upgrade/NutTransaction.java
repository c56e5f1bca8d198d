package dev.basalt.core.upgrade;

import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import java.util.Objects;

/**
 * One transaction of a NUT (network-upgrade transaction) bundle, as the bundle JSON states it.
 *
 * @param intent the human-readable intent; the source hash uses it qualified with fork and position
 * @param to the callee, or null for a contract creation ({@code "to": null} in the JSON)
 * @param gasLimit gas limit, u64
 */
public record NutTransaction(String intent, Address from, Address to, long gasLimit, Bytes data) {
  public NutTransaction {
    Objects.requireNonNull(intent, "intent");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(data, "data");
  }
}
