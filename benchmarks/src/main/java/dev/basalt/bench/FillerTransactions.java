package dev.basalt.bench;

import dev.basalt.core.types.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Typed-transaction-shaped bytes for benchmark blocks, 400 bytes each: 100 random bytes (signature,
 * addresses) then mostly zero calldata, roughly as real transactions compress. Neither the gossip
 * validator nor the fake engine decodes non-deposit transactions, so they need not be signed.
 */
final class FillerTransactions {
  private FillerTransactions() {}

  /** About {@code bytes} of transactions, the same for the same {@code seed}. */
  static List<Bytes> of(int bytes, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<Bytes> out = new ArrayList<>();
    for (int left = bytes; left > 0; left -= 400) {
      byte[] tx = new byte[Math.min(400, left)];
      rng.nextBytes(tx);
      for (int k = 100; k < tx.length; k++) {
        if (k % 3 != 0) {
          tx[k] = 0;
        }
      }
      tx[0] = 2;
      out.add(Bytes.wrapOwned(tx));
    }
    return out;
  }
}
