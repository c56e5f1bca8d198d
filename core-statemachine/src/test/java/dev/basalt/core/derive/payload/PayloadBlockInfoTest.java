package dev.basalt.core.derive.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.config.ChainGenesis;
import dev.basalt.core.config.Eip1559Params;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.config.TestRollupConfigs;
import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.sysconfig.EcotoneScalar;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L2BlockRef;
import dev.basalt.core.upgrade.KarstUpgrade;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** op-node's PayloadToBlockRef and PayloadToSystemConfig on hand-assembled blocks. */
class PayloadBlockInfoTest {
  private static final Hash32 GENESIS_L2 = Hash32.fromHex("0x" + "67".repeat(32));
  private static final BlockId GENESIS_L1 = new BlockId(Hash32.fromHex("0x" + "11".repeat(32)), 4_071_408);
  private static final SystemConfig GENESIS_CONFIG = new SystemConfig(Address.fromHex("0x" + "ba".repeat(20)),
      Hash32.fromHex("0x" + "00".repeat(31) + "bc"), Hash32.fromHex("0x" + "00".repeat(29) + "0a6fe0"), 30_000_000, 0, 0, 0, 0, 0, 0);
  /** Genesis block 1000 at time 0, then the staggered schedule (Ecotone 300, Holocene 600, Jovian 800, Karst 900). */
  private static final RollupConfig ROLLUP = withGenesis(false);
  private static final Hash32 L1_HASH = Hash32.fromHex("0x4f8166ee842f45b6df4ce3e0707913e40d6e943886382511a2c0bb0cb58b9600");
  private static final Address BATCHER = Address.fromHex("0x8f23bb38f531600e5d8fddaaec41f13fab46e98c");

  private static RollupConfig withGenesis(boolean keepKarstGas) {
    RollupConfig base = TestRollupConfigs.withForks(TestRollupConfigs.staggered(Fork.KARST), keepKarstGas);
    return new RollupConfig(base.l1ChainId(), base.l2ChainId(), new ChainGenesis(GENESIS_L1, new BlockId(GENESIS_L2, 1000), 0,
        GENESIS_CONFIG), 2, 600, 3600, 300, base.batchInboxAddress(), base.depositContractAddress(), base.l1SystemConfigAddress(),
        base.forks(), -1, new Eip1559Params(6, 50, 250), keepKarstGas);
  }

  private static String word(long v) {
    return String.format("%064x", v);
  }

  /** Ecotone-form calldata laid out by hand from specs ecotone/l1-attributes.md: scalars 7600 / 862000, sequence number 2. */
  private static Bytes ecotoneCalldata() {
    return Bytes.fromHex("0x440a5e20" + "00001db0" + "000d2730" + "0000000000000002" + "0000000067911de0" + "0000000000732d11"
        + word(35_660_742_949L) + word(323_086_530_040L) + L1_HASH.toHex().substring(2) + "00".repeat(12) + BATCHER.toHex().substring(2));
  }

  private static Bytes l1InfoTx(Bytes calldata) {
    return new DepositTransaction(Hash32.fromHex("0x" + "5e".repeat(32)), Address.fromHex("0xdeaddeaddeaddeaddeaddeaddeaddeaddead0001"),
        Address.fromHex("0x4200000000000000000000000000000000000015"), BigInteger.ZERO, BigInteger.ZERO, 1_000_000, false, calldata).encode();
  }

  private static ExecutionPayload block(long number, Hash32 hash, long gasLimit, Bytes extraData, List<Bytes> txs) {
    long time = (number - 1000) * 2;
    return new ExecutionPayload(Hash32.fromHex("0x" + "9a".repeat(32)), Address.fromHex("0x4200000000000000000000000000000000000011"),
        Hash32.ZERO, Hash32.ZERO, Bytes.of(new byte[256]), Hash32.ZERO, number, gasLimit, 0, time, extraData, BigInteger.ONE, hash, txs,
        Optional.of(List.of()), OptionalLong.of(0), OptionalLong.of(0), Optional.empty());
  }

  private static L2BlockInfo decoded(RollupConfig rollup, ExecutionPayload p) {
    return assertInstanceOf(L2BlockInfoDecoding.Decoded.class, PayloadBlockInfo.decode(rollup, p)).info();
  }

  private static String invalid(RollupConfig rollup, ExecutionPayload p) {
    return assertInstanceOf(L2BlockInfoDecoding.Invalid.class, PayloadBlockInfo.decode(rollup, p)).reason();
  }

  @Test
  void theGenesisBlockTakesItsOriginAndConfigFromTheRollupConfig() {
    L2BlockInfo info = decoded(ROLLUP, block(1000, GENESIS_L2, 30_000_000, Bytes.EMPTY, List.of()));
    assertEquals(GENESIS_L1, info.ref().l1Origin());
    assertEquals(0, info.ref().sequenceNumber());
    assertEquals(GENESIS_CONFIG, info.systemConfig());
    assertTrue(invalid(ROLLUP, block(1000, Hash32.fromHex("0x" + "68".repeat(32)), 30_000_000, Bytes.EMPTY, List.of()))
        .contains("genesis hash"));
  }

  @Test
  void aLaterBlockReadsItsOriginAndConfigFromItsL1InfoDepositAndHeader() {
    // Block 1350 is at time 700 - Holocene (600) and Isthmus' activation block (700) carrying the Ecotone form.
    Hash32 hash = Hash32.fromHex("0x" + "77".repeat(32));
    List<Bytes> txs = List.of(l1InfoTx(ecotoneCalldata()), Bytes.fromHex("0x02c0"));
    L2BlockInfo info = decoded(ROLLUP, block(1350, hash, 60_000_000, Bytes.fromHex("0x00000000fa00000006"), txs));
    assertEquals(new L2BlockRef(hash, 1350, Hash32.fromHex("0x" + "9a".repeat(32)), 700, new BlockId(L1_HASH, 7_548_177), 2), info.ref());
    assertEquals(new SystemConfig(BATCHER, Hash32.ZERO, EcotoneScalar.encode(862_000, 7600), 60_000_000, 250, 6, 0, 0, 0, 0),
        info.systemConfig());
    assertEquals(txs, info.transactions());
  }

  @Test
  void blocksWithoutAnL1InfoDepositAreInvalid() {
    Bytes extra = Bytes.fromHex("0x00000000fa00000006");
    assertTrue(invalid(ROLLUP, block(1350, Hash32.ZERO, 1, extra, List.of())).contains("missing L1 info deposit"));
    assertTrue(invalid(ROLLUP, block(1350, Hash32.ZERO, 1, extra, List.of(Bytes.fromHex("0xf86c80")))).contains("unexpected tx type"));
    // The Isthmus form a block later than 700 needs; here the activation block's Ecotone form is expected.
    Bytes isthmusForm = Bytes.fromHex("0x098999be" + ecotoneCalldata().toHex().substring(10) + "00".repeat(12));
    assertTrue(invalid(ROLLUP, block(1350, Hash32.ZERO, 1, extra, List.of(l1InfoTx(isthmusForm)))).contains("failed to parse L1 info"));
    assertTrue(invalid(ROLLUP, block(1350, Hash32.ZERO, 1, extra, List.of(Bytes.fromHex("0x7ec0")))).contains("failed to parse L1 info"));
  }

  @Test
  void holoceneBlocksNeedValidExtraData() {
    List<Bytes> txs = List.of(l1InfoTx(ecotoneCalldata()));
    assertTrue(invalid(ROLLUP, block(1350, Hash32.ZERO, 1, Bytes.EMPTY, txs)).contains("9 bytes"));
    assertTrue(invalid(ROLLUP, block(1350, Hash32.ZERO, 1, Bytes.fromHex("0x000000000000000006"), txs)).contains("denominator"));
    // Before Holocene op-node does not read extraData at all. Block 1250 is at 500 (Granite): Ecotone form too.
    assertEquals(0, decoded(ROLLUP, block(1250, Hash32.ZERO, 1, Bytes.fromHex("0xd883"), txs)).systemConfig().eip1559Denominator());
  }

  @Test
  void theKarstActivationBlocksGasLimitMustHoldItsUpgradeGas() {
    Bytes jovianCalldata = Bytes.fromHex("0x3db6be2b" + ecotoneCalldata().toHex().substring(10) + "00".repeat(12) + "0190");
    Bytes extra = Bytes.fromHex("0x01000000fa000000060000000000000000");
    List<Bytes> txs = List.of(l1InfoTx(jovianCalldata));
    long karstGas = KarstUpgrade.upgradeGas();
    // Block 1450 is at 900, Karst's activation block.
    assertEquals(40_000_000, decoded(ROLLUP, block(1450, Hash32.ZERO, 40_000_000 + karstGas, extra, txs)).systemConfig().gasLimit());
    assertEquals(40_000_000 + karstGas,
        decoded(withGenesis(true), block(1450, Hash32.ZERO, 40_000_000 + karstGas, extra, txs)).systemConfig().gasLimit());
    assertTrue(invalid(ROLLUP, block(1450, Hash32.ZERO, karstGas - 1, extra, txs)).contains("below upgrade gas"));
    SystemConfig jovian = decoded(ROLLUP, block(1451, Hash32.ZERO, 40_000_000, extra, txs)).systemConfig();
    assertEquals(400, jovian.daFootprintGasScalar());
    assertEquals(0, jovian.minBaseFee());
  }

  @Test
  void theMemoAnswersWhatDecodingAnswersForBlocksAlikeButForOneField() {
    Bytes jovianCalldata = Bytes.fromHex("0x3db6be2b" + ecotoneCalldata().toHex().substring(10) + "00".repeat(12) + "0190");
    long karstGas = KarstUpgrade.upgradeGas();
    RollupConfig[] rollups = {ROLLUP, withGenesis(true), withGenesis(false)};
    long[] numbers = {1000, 1250, 1350, 1351, 1450, 1451};
    Hash32[] hashes = {GENESIS_L2, Hash32.ZERO, Hash32.fromHex("0x" + "77".repeat(32))};
    long[] gasLimits = {1, 60_000_000, 40_000_000 + karstGas, karstGas - 1};
    Bytes[] extras = {Bytes.EMPTY, Bytes.fromHex("0x00000000fa00000006"), Bytes.fromHex("0x01000000fa000000060000000000000000"),
        Bytes.fromHex("0x000000000000000006"), Bytes.fromHex("0xd883")};
    List<List<Bytes>> txLists = List.of(List.of(), List.of(l1InfoTx(ecotoneCalldata())),
        List.of(l1InfoTx(ecotoneCalldata()), Bytes.fromHex("0x02c0")), List.of(l1InfoTx(ecotoneCalldata()), Bytes.fromHex("0x02c1")),
        List.of(l1InfoTx(jovianCalldata)), List.of(l1InfoTx(jovianCalldata), Bytes.fromHex("0x02c0")),
        List.of(Bytes.fromHex("0xf86c80")), List.of(Bytes.fromHex("0x7ec0")));
    Hash32[] parents = {Hash32.fromHex("0x" + "9a".repeat(32)), Hash32.fromHex("0x" + "9b".repeat(32))};
    java.util.SplittableRandom random = new java.util.SplittableRandom(12);
    PayloadInfoMemo memo = new PayloadInfoMemo();
    ExecutionPayload[] last = new ExecutionPayload[hashes.length];
    RollupConfig[] lastRollup = new RollupConfig[hashes.length];
    int decodedCount = 0;
    for (int i = 0; i < 6000; i++) {
      int h = random.nextInt(hashes.length);
      ExecutionPayload b = last[h];
      RollupConfig rollup = lastRollup[h];
      // Mostly the block last seen with this hash, as it is or with exactly one field changed.
      int change = b == null || random.nextInt(5) == 0 ? -1 : random.nextInt(10);
      if (change == -1) {
        rollup = rollups[random.nextInt(rollups.length)];
      }
      long number = change == -1 || change == 0 ? numbers[random.nextInt(numbers.length)] : b.blockNumber();
      long gasLimit = change == -1 || change == 1 ? gasLimits[random.nextInt(gasLimits.length)] : b.gasLimit();
      Bytes extra = change == -1 || change == 2 ? extras[random.nextInt(extras.length)] : Bytes.of(b.extraData().toArray());
      List<Bytes> txs = change == -1 || change == 3 ? txLists.get(random.nextInt(txLists.size()))
          : random.nextBoolean() ? b.transactions() : new java.util.ArrayList<>(b.transactions());
      Hash32 parent = change == -1 || change == 4 ? parents[random.nextInt(parents.length)] : b.parentHash();
      long time = change == -1 ? (number - 1000) * 2 : change == 5 ? b.timestamp() + 1 : change == 0 ? (number - 1000) * 2 : b.timestamp();
      if (change == 6) {
        rollup = rollups[random.nextInt(rollups.length)];
      }
      if (change == 7 && !txs.isEmpty()) {
        List<Bytes> other = new java.util.ArrayList<>(txs);
        other.add(Bytes.fromHex("0x02c2"));
        txs = other; // the same first transaction, another list
      }
      ExecutionPayload p = new ExecutionPayload(parent, Address.fromHex("0x4200000000000000000000000000000000000011"),
          Hash32.ZERO, Hash32.ZERO, Bytes.of(new byte[256]), Hash32.ZERO, number, gasLimit, 0, time, extra, BigInteger.ONE,
          hashes[h], txs, Optional.of(List.of()), OptionalLong.of(0), OptionalLong.of(0), Optional.empty());
      last[h] = p;
      lastRollup[h] = rollup;
      L2BlockInfoDecoding expected = PayloadBlockInfo.decode(rollup, p);
      assertEquals(expected, memo.decode(rollup, p), "pick " + i + " change " + change + ": " + p);
      decodedCount += expected instanceof L2BlockInfoDecoding.Decoded ? 1 : 0;
    }
    assertTrue(decodedCount > 300, "some picks read back as blocks: " + decodedCount);
  }
}
