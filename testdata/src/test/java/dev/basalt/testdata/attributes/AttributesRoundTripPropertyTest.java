package dev.basalt.testdata.attributes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.config.BlobParams;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.L1ChainConfig;
import dev.basalt.core.config.L1Fork;
import dev.basalt.core.config.L1ForkActivation;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.deposit.SourceHash;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.PrepareOutcome;
import dev.basalt.core.derive.attributes.StatefulAttributesPreparer;
import dev.basalt.core.derive.payload.AttributesMatcher;
import dev.basalt.core.derive.payload.L2BlockInfoDecoding;
import dev.basalt.core.derive.payload.PayloadBlockInfo;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.PayloadAttributes;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import dev.basalt.core.types.ReceiptLog;
import dev.basalt.core.upgrade.KarstUpgrade;
import dev.basalt.testdata.gen.SimRng;
import dev.basalt.testdata.gen.ValueGenerators;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Seeded chains of 60 blocks over random fork schedules: each block is prepared, completed with a
 * random batch, "built" the way an engine builds it, and read back as the next block's parent.
 * Every step checks the block reference, the system config (as the read-back rules of the specs
 * predict, see {@link ReadBackRules}), the transaction list (L1-info deposit, the origin's
 * deposits with their source hashes, the activation block's upgrade transactions, the batch) and
 * the gas limit, and that the built block matches its attributes. Now and then a wrong origin is
 * offered first and must be refused with a reset.
 */
class AttributesRoundTripPropertyTest {
  private static final long SEED = 0x5EED_D3A7_0001L;
  private static final int CHAINS = 30;
  private static final int BLOCKS = 60;
  private static final L1ChainConfig L1 = new L1ChainConfig(11_155_111, List.of(L1ForkActivation.of(L1Fork.CANCUN, 0, BlobParams.CANCUN)));
  /** Upgrade transactions per activation block (SPEC-MAP §5). */
  private static final List<Fork> UPGRADING = List.of(Fork.ECOTONE, Fork.FJORD, Fork.ISTHMUS, Fork.JOVIAN, Fork.KARST);
  private static final List<Integer> UPGRADE_TXS = List.of(6, 3, 8, 5, 31);
  private static final Address L1_INFO_DEPOSITOR = Address.fromHex("0xdeaddeaddeaddeaddeaddeaddeaddeaddead0001");

  @Test
  void preparedBlocksReadBackAsTheSpecsSay() {
    SimRng root = new SimRng(SEED);
    int resets = 0;
    int depositsSeen = 0;
    Map<Fork, Integer> activations = new EnumMap<>(Fork.class);
    for (int c = 0; c < CHAINS; c++) {
      Stats s = runChain(root.fork("chain-" + c));
      resets += s.resets;
      depositsSeen += s.deposits;
      s.activations.forEach((f, n) -> activations.merge(f, n, Integer::sum));
    }
    for (Fork f : Fork.values()) {
      assertTrue(activations.getOrDefault(f, 0) >= 5, f + " activation blocks seen: " + activations);
    }
    assertTrue(resets > 20, "wrong origins were offered: " + resets);
    assertTrue(depositsSeen > 50, "user deposits were exercised: " + depositsSeen);
  }

  private static final class Stats {
    int resets;
    int deposits;
    final Map<Fork, Integer> activations = new EnumMap<>(Fork.class);
  }

  private static Stats runChain(SimRng rng) {
    Stats stats = new Stats();
    L1Origins l1 = new L1Origins(rng.fork("l1"));
    RollupConfig rollup = RandomChain.rollup(rng.fork("forks"), RandomChain.config(rng.fork("genesis")), l1.block(0).ref().hash());
    StatefulAttributesPreparer preparer = new StatefulAttributesPreparer(rollup, L1);
    ExecutionPayload genesis = EngineStandIn.genesis(rollup);
    L2BlockInfo parent = assertInstanceOf(L2BlockInfoDecoding.Decoded.class, PayloadBlockInfo.decode(rollup, genesis)).info();
    assertEquals(rollup.genesis().systemConfig(), parent.systemConfig());
    SimRng steps = rng.fork("steps");
    for (int i = 0; i < BLOCKS; i++) {
      long time = parent.ref().timestamp() + 2;
      for (Fork f : Fork.values()) {
        if (ReadBackRules.activates(rollup, f, time)) {
          stats.activations.merge(f, 1, Integer::sum);
        }
      }
      long origin = parent.ref().l1Origin().number();
      boolean advance = l1.block(origin + 1).ref().timestamp() <= time && (steps.chance(1, 2) || time - 12 * origin > 30);
      L1Block epoch = l1.block(advance ? origin + 1 : origin);
      if (steps.chance(1, 8)) {
        L1Block wrong = steps.nextBoolean() ? l1.block(origin + 2) : l1.sibling(epoch);
        assertInstanceOf(PrepareOutcome.Reset.class, preparer.prepare(parent, wrong, time));
        stats.resets++;
      }
      PrepareOutcome.Prepared p = assertInstanceOf(PrepareOutcome.Prepared.class, preparer.prepare(parent, epoch, time));
      SystemConfig expectedConfig = advance ? l1.configAfter(parent.systemConfig(), epoch) : parent.systemConfig();
      assertEquals(expectedConfig, p.systemConfig());
      List<Bytes> deposits = advance ? l1.expectedDeposits(epoch) : List.of();
      stats.deposits += deposits.size();
      checkTransactions(rollup, p.attributes(), deposits, time);
      long karstGas = ReadBackRules.activates(rollup, Fork.KARST, time) ? KarstUpgrade.upgradeGas() : 0;
      assertEquals(expectedConfig.gasLimit() + karstGas, p.attributes().gasLimit());

      List<Bytes> txs = new ArrayList<>(p.attributes().transactions());
      for (int b = (int) steps.between(0, 3); b > 0; b--) {
        txs.add(Bytes.of(steps.bytes(1 + (int) steps.between(0, 40))));
      }
      PayloadAttributes full = p.attributes().withTransactions(txs, true);
      ExecutionPayload block = EngineStandIn.build(rollup, full, parent.ref(), ValueGenerators.hash(steps));
      assertTrue(AttributesMatcher.check(rollup, full, parent.ref().hash(), EngineStandIn.envelope(block, full)).isMatch());
      L2BlockInfo read = assertInstanceOf(L2BlockInfoDecoding.Decoded.class, PayloadBlockInfo.decode(rollup, block)).info();
      long seq = advance ? 0 : parent.ref().sequenceNumber() + 1;
      assertEquals(new L2BlockRef(block.blockHash(), parent.ref().number() + 1, parent.ref().hash(), time, epoch.ref().id(), seq), read.ref());
      assertEquals(ReadBackRules.expected(rollup, p.systemConfig(), time, KarstUpgrade.upgradeGas()), read.systemConfig(), "block at " + time);
      assertEquals(txs, read.transactions());
      parent = read;
    }
    return stats;
  }

  /** L1-info deposit, the origin's deposits, then each activating fork's upgrade transactions in fork order. */
  private static void checkTransactions(RollupConfig rollup, PayloadAttributes a, List<Bytes> deposits, long time) {
    List<Bytes> txs = a.transactions();
    DepositTransaction l1Info = DepositTransaction.decode(txs.get(0));
    assertEquals(L1_INFO_DEPOSITOR, l1Info.from());
    assertEquals(deposits, txs.subList(1, 1 + deposits.size()));
    int upgrades = 0;
    for (int f = 0; f < UPGRADING.size(); f++) {
      upgrades += ReadBackRules.activates(rollup, UPGRADING.get(f), time) ? UPGRADE_TXS.get(f) : 0;
    }
    assertEquals(1 + deposits.size() + upgrades, txs.size(), "block at " + time);
    assertEquals(rollup.isActive(Fork.CANYON, time) ? Optional.of(List.of()) : Optional.empty(), a.withdrawals());
    assertEquals(rollup.isActive(Fork.JOVIAN, time), a.minBaseFee().isPresent());
    assertEquals(rollup.isActive(Fork.HOLOCENE, time), a.eip1559Params().isPresent());
    assertEquals(rollup.isActive(Fork.ECOTONE, time), a.parentBeaconBlockRoot().isPresent());
  }

  /** The L1 chain of one run: block n at 12 n, with random logs, blob gas and beacon roots. */
  private static final class L1Origins {
    private final SimRng rng;
    private final List<L1Block> blocks = new ArrayList<>();
    private final List<List<DepositTransaction>> deposits = new ArrayList<>();
    private final List<List<ConfigChange>> changes = new ArrayList<>();

    L1Origins(SimRng rng) {
      this.rng = rng;
    }

    L1Block block(long number) {
      while (blocks.size() <= number) {
        generate(blocks.size());
      }
      return blocks.get((int) number);
    }

    private void generate(int n) {
      Hash32 parentHash = n == 0 ? Hash32.ZERO : blocks.get(n - 1).ref().hash();
      List<ReceiptLog> logs = new ArrayList<>();
      List<DepositTransaction> ds = new ArrayList<>();
      List<ConfigChange> cs = new ArrayList<>();
      long index = rng.between(0, 5);
      for (int k = (int) rng.between(0, 4); k > 0; k--) {
        if (rng.nextBoolean()) {
          DepositTransaction d = RandomChain.deposit(rng);
          boolean succeeded = !rng.chance(1, 6);
          logs.add(new ReceiptLog(L1Logs.deposit(RandomChain.PORTAL, d), index, succeeded));
          if (succeeded) {
            ds.add(withSource(d, SourceHash.userDeposit(hashOf(n), index)));
          }
        } else {
          ConfigChange c = ConfigChange.random(rng);
          logs.add(new ReceiptLog(c.log(), index, true));
          cs.add(c);
        }
        index += rng.between(1, 3);
      }
      OptionalLong excess = rng.chance(1, 5) ? OptionalLong.empty() : OptionalLong.of(131_072L * rng.between(0, 700));
      Optional<Hash32> beacon = rng.chance(1, 5) ? Optional.empty() : Optional.of(ValueGenerators.hash(rng));
      blocks.add(new L1Block(new L1BlockRef(hashOf(n), n, parentHash, 12L * n), BigInteger.valueOf(rng.nextLong(1L << 40)),
          ValueGenerators.hash(rng), excess, beacon, List.of(), logs));
      deposits.add(ds);
      changes.add(cs);
    }

    private static Hash32 hashOf(long n) {
      return Hash32.fromHex("0xa1" + "00".repeat(23) + String.format("%016x", n));
    }

    /** A block at the same height on another branch. */
    L1Block sibling(L1Block b) {
      L1BlockRef r = b.ref();
      return new L1Block(new L1BlockRef(Hash32.fromHex("0x" + "ee".repeat(24) + String.format("%016x", r.number())), r.number(),
          Hash32.fromHex("0x" + "ef".repeat(32)), r.timestamp()), b.baseFeePerGas(), b.mixHash(), b.excessBlobGas(),
          b.parentBeaconBlockRoot(), List.of(), List.of());
    }

    List<Bytes> expectedDeposits(L1Block b) {
      return deposits.get((int) b.ref().number()).stream().map(DepositTransaction::encode).toList();
    }

    SystemConfig configAfter(SystemConfig start, L1Block b) {
      SystemConfig c = start;
      for (ConfigChange change : changes.get((int) b.ref().number())) {
        c = change.apply(c);
      }
      return c;
    }

    private static DepositTransaction withSource(DepositTransaction d, Hash32 source) {
      return new DepositTransaction(source, d.from(), d.to(), d.mint(), d.value(), d.gasLimit(), false, d.data());
    }
  }
}
