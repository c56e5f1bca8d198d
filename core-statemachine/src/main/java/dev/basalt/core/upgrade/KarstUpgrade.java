package dev.basalt.core.upgrade;

import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.upgrade.data.KarstNutBundleData;
import java.util.List;

/**
 * The Karst upgrade: the 31 transactions of {@code op-core/nuts/bundles/karst_nut_bundle.json}.
 *
 * <p>Which bundle: the embedded file is the only Karst bundle whose bytes could be obtained
 * (optimism commit {@code 415c03e6}, sha256 {@code 6114640b…}, 55,384,990 gas). The evidence
 * points to a later bundle having gone live (fork lock sha256 {@code 08f5df36…}, 55,370,657 gas):
 * see {@code testdata/src/main/resources/vectors/upgrades/PROVENANCE.md}. Intents and order are
 * the same in both, so the source hashes are right either way; data, gas limits and therefore
 * transaction hashes and the upgrade gas may not be.
 */
public final class KarstUpgrade {
  private static final NutBundle BUNDLE = new NutBundle("Karst", KarstNutBundleData.transactions(),
      KarstNutBundleData.METADATA_EXTRA_GAS, KarstNutBundleData.BUNDLE_SHA256);
  private static final List<DepositTransaction> TRANSACTIONS = BUNDLE.deposits();

  private KarstUpgrade() {}

  public static NutBundle bundle() {
    return BUNDLE;
  }

  public static List<DepositTransaction> transactions() {
    return TRANSACTIONS;
  }

  /** Gas added to the Karst activation block's limit (bundle gas limits plus extra gas). */
  public static long upgradeGas() {
    return BUNDLE.upgradeGas();
  }
}
