package dev.basalt.core.upgrade;

import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.types.Unsigned;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A NUT bundle (specs {@code protocol/l2-upgrades-1-execution.md}, op-core {@code nuts}): the
 * upgrade transactions of a fork from Karst on, as data rather than code.
 *
 * <p>Each transaction becomes a deposit with mint and value zero, not a system transaction, whose
 * source hash is domain 2 over the qualified intent {@code "<Fork> <i>: <intent>"} with the fork
 * name capitalised and {@code i} the 0-based position in the bundle. That is what op-node
 * ({@code upgrade_transaction.go}) and kona ({@code nut_bundle.rs}) hash; the Karst spec text's
 * "Karst: " prefix without index is not what the chain uses (SPEC-MAP §2.1.2).
 *
 * @param forkName the capitalised fork name used in intents, e.g. {@code Karst}
 * @param extraGas {@code metadata.extraGas}: activation-block gas for deposits outside the bundle
 * @param sha256 hex sha256 of the bundle file, as pinned by the fork lock
 */
public record NutBundle(String forkName, List<NutTransaction> transactions, long extraGas, String sha256) {
  public NutBundle {
    Objects.requireNonNull(forkName, "forkName");
    transactions = List.copyOf(transactions);
    Objects.requireNonNull(sha256, "sha256");
  }

  /** {@code "<Fork> <index>: <intent>"}. */
  public String qualifiedIntent(int index) {
    return forkName + " " + index + ": " + transactions.get(index).intent();
  }

  /** The bundle as deposit transactions, in bundle order. */
  public List<DepositTransaction> deposits() {
    List<DepositTransaction> out = new ArrayList<>(transactions.size());
    for (int i = 0; i < transactions.size(); i++) {
      NutTransaction t = transactions.get(i);
      out.add(UpgradeDeposit.of(qualifiedIntent(i), t.from(), t.to(), t.gasLimit(), t.data()));
    }
    return List.copyOf(out);
  }

  /** The gas the activation block adds to its limit: every gas limit plus {@code extraGas}. */
  public long upgradeGas() {
    long total = extraGas;
    for (NutTransaction t : transactions) {
      total = Unsigned.addExact(total, t.gasLimit());
    }
    return total;
  }
}
