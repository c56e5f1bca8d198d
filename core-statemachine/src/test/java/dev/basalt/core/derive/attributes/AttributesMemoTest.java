package dev.basalt.core.derive.attributes;

import static dev.basalt.core.derive.attributes.TestChain.L1;
import static dev.basalt.core.derive.attributes.TestChain.STAGGERED;
import static dev.basalt.core.derive.attributes.TestChain.config;
import static dev.basalt.core.derive.attributes.TestChain.configUpdate;
import static dev.basalt.core.derive.attributes.TestChain.depositLog;
import static dev.basalt.core.derive.attributes.TestChain.l1Block;
import static dev.basalt.core.derive.attributes.TestChain.ok;
import static dev.basalt.core.derive.attributes.TestChain.parent;
import static dev.basalt.core.derive.attributes.TestChain.word;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.config.BlobParams;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.L1ChainConfig;
import dev.basalt.core.config.L1Fork;
import dev.basalt.core.config.L1ForkActivation;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.config.TestRollupConfigs;
import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.PrepareOutcome;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.ReceiptLog;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The memo answers exactly what preparing answers: seeded inputs drawn from small pools, so the same
 * parent and timestamp (one memo slot) come back with every key field changed alone (the origin's
 * logs, mix hash, base fee, excess blob gas, beacon root, the parent's config, the rollup and L1
 * configs), and each answer is compared with a preparer that computes every time.
 */
class AttributesMemoTest {
  private static final DepositTransaction DEPOSIT = new DepositTransaction(Hash32.ZERO,
      Address.fromHex("0x" + "a1".repeat(20)), Address.fromHex("0x" + "b0".repeat(20)), BigInteger.TEN, BigInteger.TWO,
      100_000, false, Bytes.fromHex("0xc0ffee"));
  private static final RollupConfig ALL_FORKS = TestRollupConfigs.withForks(TestRollupConfigs.allAt(Fork.KARST, 0), false);
  private static final L1ChainConfig OTHER_L1 =
      new L1ChainConfig(1, List.of(L1ForkActivation.of(L1Fork.CANCUN, 0, BlobParams.PRAGUE)));

  @Test
  void answersAsPreparingOnManySeededInputs() {
    for (long s = 1; s <= 20; s++) {
      long seed = s;
      Random random = new Random(seed);
      AttributesMemo memo = new AttributesMemo();
      int hits = 0;
      for (int i = 0; i < 400; i++) {
        // A small pool of inputs, then at most one key field changed.
        int change = random.nextInt(30);
        RollupConfig rollup = change == 0 ? ALL_FORKS : STAGGERED;
        L1ChainConfig l1 = change == 1 ? OTHER_L1 : L1;
        long time = new long[] {40, 300, 560, 898}[random.nextInt(4)]; // 900: Karst's activation block
        long originNumber = time / 12;
        L2BlockInfo parent = parent(time, originNumber, change == 2 ? 1 : 0, change == 3 ? otherConfig() : config());
        long epochNumber = originNumber + (random.nextInt(2) == 0 || change == 5 ? 1 : 0) + (change == 4 ? 1 : 0);
        L1Block epoch = epoch(random.nextInt(4) == 0 ? random.nextInt(4) : 3, change, epochNumber);
        long timestamp = time + 2;
        PrepareOutcome expected = new StatefulAttributesPreparer(rollup, l1).prepare(parent, epoch, timestamp);
        PrepareOutcome known = memo.find(rollup, l1, parent, epoch, timestamp);
        PrepareOutcome answer = new StatefulAttributesPreparer(rollup, l1, memo).prepare(parent, epoch, timestamp);
        assertEquals(expected, answer, () -> "seed " + seed + " input " + parent.ref() + " " + epoch.ref());
        if (known != null) {
          hits++;
          assertSame(known, answer);
        }
      }
      assertTrue(hits > 20, "the pools repeat inputs: some must hit, got " + hits);
    }
  }

  private static SystemConfig otherConfig() {
    SystemConfig c = config();
    return new SystemConfig(c.batcherAddress(), c.overhead(), c.scalar(), c.gasLimit() + 1, 0, 0, 0, 0, 0, 0);
  }

  /** L1 block {@code number} with the logs of {@code logsKind}, and a field changed when {@code change} says so. */
  private static L1Block epoch(int logsKind, int change, long number) {
    List<ReceiptLog> logs = switch (logsKind) {
      case 0 -> List.of(ok(depositLog(DEPOSIT), 0));
      case 1 -> List.of(ok(configUpdate(2, word(50_000_000)), change == 5 ? 4 : 3));
      case 2 -> List.of(ok(configUpdate(2, "00"), 0));
      default -> change == 5 ? List.of(ok(configUpdate(2, word(40_000_000)), 0)) : List.of();
    };
    L1Block plain = l1Block(number, logs);
    // A non-zero excess blob gas, so that the L1 chain's update fraction shows in the blob base fee.
    L1Block b = new L1Block(plain.ref(), plain.baseFeePerGas(), plain.mixHash(), OptionalLong.of(6_000_000),
        plain.parentBeaconBlockRoot(), plain.inboxTransactions(), plain.logs());
    return switch (change) {
      case 6 -> new L1Block(b.ref(), b.baseFeePerGas().add(BigInteger.ONE), b.mixHash(), b.excessBlobGas(),
          b.parentBeaconBlockRoot(), b.inboxTransactions(), b.logs());
      case 7 -> new L1Block(b.ref(), b.baseFeePerGas(), TestChain.l2Hash(number), b.excessBlobGas(),
          b.parentBeaconBlockRoot(), b.inboxTransactions(), b.logs());
      case 8 -> new L1Block(b.ref(), b.baseFeePerGas(), b.mixHash(), OptionalLong.of(4_000_000),
          b.parentBeaconBlockRoot(), b.inboxTransactions(), b.logs());
      case 9 -> new L1Block(b.ref(), b.baseFeePerGas(), b.mixHash(), b.excessBlobGas(),
          Optional.empty(), b.inboxTransactions(), b.logs());
      case 10 -> new L1Block(new L1BlockRef(b.ref().hash(), number, b.ref().parentHash(), b.ref().timestamp() + 1),
          b.baseFeePerGas(), b.mixHash(), b.excessBlobGas(), b.parentBeaconBlockRoot(), b.inboxTransactions(), b.logs());
      default -> b;
    };
  }
}
