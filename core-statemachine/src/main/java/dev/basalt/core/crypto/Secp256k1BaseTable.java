package dev.basalt.core.crypto;

import java.math.BigInteger;

/**
 * Fixed-base multiplication k G for signing, key derivation and checks against a known signer
 * ({@link KnownSigner}): a {@link FixedBaseTable} of G with 10-bit windows (26 windows of 512
 * affine points, about 850 KiB), so k G costs at most 26 mixed additions and no doublings. The table is
 * built on first use, so a node that only recovers senders never pays for it. Not constant-time,
 * like the rest of this package.
 */
final class Secp256k1BaseTable {
  private static final int WINDOW = 10;

  private Secp256k1BaseTable() {}

  /** Built on first use (the holder idiom: class initialisation is thread-safe and lazy). */
  private static final class Holder {
    static final FixedBaseTable G = new FixedBaseTable(
        Secp256k1Field.of(Secp256k1Recovery.GX), Secp256k1Field.of(Secp256k1Recovery.GY), WINDOW);
  }

  /** k G in Jacobian coordinates, for 0 <= k < n. */
  static Secp256k1Point multiply(BigInteger k) {
    Secp256k1Point acc = new Secp256k1Point();
    Holder.G.addMultiple(acc, k);
    return acc;
  }

  /** Picks for k G, k below 2^256 as five limbs ({@link FixedBaseTable#limbs}), with room for more. */
  static FixedBaseTable.Picks pick(long[] k, int morePicks) {
    FixedBaseTable.Picks picks = new FixedBaseTable.Picks(Holder.G.windows() + morePicks);
    Holder.G.pick(k, picks);
    return picks;
  }

  /** acc += k G, for 0 <= k < n. */
  static void addMultiple(Secp256k1Point acc, BigInteger k) {
    Holder.G.addMultiple(acc, k);
  }
}
