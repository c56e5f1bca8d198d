package dev.basalt.testdata.world.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.SimWorldConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The remembered receipts roots against computing them, on seeded blocks repeated and varied in one input at a time. */
class ReceiptsRootMemoTest {
  static final long GENESIS = 1_700_000_000L;

  @Test
  void answersAsComputingAcrossForksTypesAndNearMisses() {
    RollupConfig rollup = SimWorld.create(SimWorldConfig.defaults(5).withForks(SimWorldConfig.successive(GENESIS, 10))).rollupConfig();
    Random rng = new Random(4242);
    int[] types = {-1, 0x00, 0x01, 0x02, 0x04, 0x7e, 0x7f, 0x80, 0xf8};
    List<Object[]> seen = new ArrayList<>();
    for (int round = 0; round < 8000; round++) {
      long timestamp;
      List<Bytes> txs;
      long[] gas;
      if (!seen.isEmpty() && rng.nextInt(3) == 0) { // an earlier block again, or one input changed
        Object[] old = seen.get(rng.nextInt(seen.size()));
        timestamp = (long) old[0];
        @SuppressWarnings("unchecked")
        List<Bytes> oldTxs = (List<Bytes>) old[1];
        txs = new ArrayList<>(oldTxs);
        gas = ((long[]) old[2]).clone();
        switch (rng.nextInt(4)) {
          case 0 -> {}
          case 1 -> timestamp += rng.nextInt(21) - 10; // may cross Regolith or Canyon
          case 2 -> {
            if (gas.length > 0) {
              int i = rng.nextInt(gas.length);
              for (int j = i; j < gas.length; j++) {
                gas[j] += 1;
              }
            }
          }
          default -> {
            if (!txs.isEmpty()) {
              txs.set(rng.nextInt(txs.size()), tx(rng, types[rng.nextInt(types.length)]));
            }
          }
        }
      } else {
        timestamp = GENESIS - 5 + rng.nextInt(120);
        int n = rng.nextInt(rng.nextBoolean() ? 5 : 140);
        txs = new ArrayList<>(n);
        gas = new long[n];
        long cumulative = 0;
        for (int i = 0; i < n; i++) {
          txs.add(tx(rng, types[rng.nextInt(types.length)]));
          cumulative += 21_000 + rng.nextInt(rng.nextBoolean() ? 3 : 100_000);
          gas[i] = cumulative;
        }
      }
      seen.add(new Object[] {timestamp, List.copyOf(txs), gas.clone()});
      Hash32 computed = PseudoExecution.receiptsRootComputed(rollup, timestamp, txs, gas);
      assertEquals(computed, PseudoExecution.receiptsRoot(rollup, timestamp, txs, gas), "round " + round);
      assertEquals(computed, PseudoExecution.receiptsRoot(rollup, timestamp, txs, gas), "round " + round + " again");
    }
  }

  /** A transaction whose first byte is {@code type} (none: empty); the receipt reads only that byte. */
  private static Bytes tx(Random rng, int type) {
    if (type < 0) {
      return Bytes.EMPTY;
    }
    byte[] raw = new byte[1 + rng.nextInt(40)];
    rng.nextBytes(raw);
    raw[0] = (byte) type;
    return Bytes.of(raw);
  }
}
