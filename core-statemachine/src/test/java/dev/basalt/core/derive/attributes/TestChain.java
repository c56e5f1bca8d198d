package dev.basalt.core.derive.attributes;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.basalt.core.config.BlobParams;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.L1ChainConfig;
import dev.basalt.core.config.L1Fork;
import dev.basalt.core.config.L1ForkActivation;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.config.TestRollupConfigs;
import dev.basalt.core.deposit.DepositLogs;
import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.PrepareOutcome;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.sysconfig.ConfigUpdateParser;
import dev.basalt.core.sysconfig.EcotoneScalar;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import dev.basalt.core.types.Log;
import dev.basalt.core.types.ReceiptLog;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A small made-up chain for preparer tests: L1 block {@code n} has hash {@code a1…n}, time {@code
 * 12 n}; L2 blocks every 2 s from genesis at time 0 (block number = time / 2), on the staggered
 * schedule of {@link TestRollupConfigs#staggered}: Canyon 100, Delta 200, Ecotone 300, Fjord 400,
 * Granite 500, Holocene 600, Isthmus 700, Jovian 800, Karst 900.
 */
final class TestChain {
  static final RollupConfig STAGGERED = TestRollupConfigs.withForks(TestRollupConfigs.staggered(Fork.KARST), false);
  static final RollupConfig STAGGERED_KEEPS_KARST_GAS = TestRollupConfigs.withForks(TestRollupConfigs.staggered(Fork.KARST), true);
  static final L1ChainConfig L1 = new L1ChainConfig(1, List.of(L1ForkActivation.of(L1Fork.CANCUN, 0, BlobParams.CANCUN)));
  static final Address BATCHER = Address.fromHex("0x" + "ba".repeat(20));
  static final BigInteger L1_BASE_FEE = BigInteger.valueOf(7_000_000_000L);
  static final long GAS_LIMIT = 30_000_000;

  private TestChain() {}

  static Hash32 l1Hash(long number) {
    return Hash32.fromHex("0xa1" + "00".repeat(23) + String.format("%016x", number));
  }

  static Hash32 mixHash(long number) {
    return Hash32.fromHex("0x3e" + "00".repeat(23) + String.format("%016x", number));
  }

  static Hash32 beaconRoot(long number) {
    return Hash32.fromHex("0xbe" + "00".repeat(23) + String.format("%016x", number));
  }

  static Hash32 l2Hash(long number) {
    return Hash32.fromHex("0xb2" + "00".repeat(23) + String.format("%016x", number));
  }

  /** L1 block {@code number} with Cancun header fields and the given logs. */
  static L1Block l1Block(long number, List<ReceiptLog> logs) {
    L1BlockRef ref = new L1BlockRef(l1Hash(number), number, l1Hash(number - 1), 12 * number);
    return new L1Block(ref, L1_BASE_FEE, mixHash(number), OptionalLong.of(0), Optional.of(beaconRoot(number)), List.of(), logs);
  }

  static L1Block l1Block(long number) {
    return l1Block(number, List.of());
  }

  /** A version-1 scalar (blob 862000, base 7600) and no fee overrides: what a real chain has. */
  static SystemConfig config() {
    return new SystemConfig(BATCHER, Hash32.ZERO, EcotoneScalar.encode(862_000, 7600), GAS_LIMIT, 0, 0, 0, 0, 0, 0);
  }

  /** The L2 block at {@code time} with L1 origin {@code originNumber} and sequence number {@code seq}. */
  static L2BlockInfo parent(long time, long originNumber, long seq, SystemConfig config) {
    long number = time / 2;
    L2BlockRef ref = new L2BlockRef(l2Hash(number), number, l2Hash(number - 1), time, new BlockId(l1Hash(originNumber), originNumber), seq);
    return new L2BlockInfo(ref, config, List.of());
  }

  static PrepareOutcome.Prepared prepared(PrepareOutcome outcome) {
    return assertInstanceOf(PrepareOutcome.Prepared.class, outcome, () -> outcome.toString());
  }

  static String word(long v) {
    return String.format("%064x", v);
  }

  static Hash32 addressTopic(Address a) {
    return Hash32.fromHex("0x" + "00".repeat(12) + a.toHex().substring(2));
  }

  /** A TransactionDeposited log for {@code d}, laid out as the portal emits it (abi.encode(bytes opaqueData)). */
  static Log depositLog(DepositTransaction d) {
    String opaque = word(d.mint().longValueExact()) + word(d.value().longValueExact()) + String.format("%016x", d.gasLimit())
        + (d.isCreation() ? "01" : "00") + d.data().toHex().substring(2);
    int length = opaque.length() / 2;
    int padded = (length + 31) / 32 * 32;
    Bytes data = Bytes.fromHex(word(32) + word(length) + opaque + "00".repeat(padded - length));
    Address to = d.isCreation() ? Address.ZERO : d.to();
    return new Log(TestRollupConfigs.PORTAL, List.of(DepositLogs.TRANSACTION_DEPOSITED_TOPIC, addressTopic(d.from()),
        addressTopic(to), Hash32.ZERO), data);
  }

  /** A version-0 ConfigUpdate log of {@code type} with abi.encode(bytes payload) as data. */
  static Log configUpdate(int type, String payloadHex) {
    String data = word(32) + word(payloadHex.length() / 2) + payloadHex;
    return new Log(TestRollupConfigs.SYSTEM_CONFIG, List.of(ConfigUpdateParser.CONFIG_UPDATE_TOPIC, Hash32.ZERO,
        Hash32.fromHex(word(type))), Bytes.fromHex(data));
  }

  static ReceiptLog ok(Log log, long index) {
    return new ReceiptLog(log, index, true);
  }

  /** Selector (first four bytes) of the L1-attributes calldata in deposit {@code tx}. */
  static String l1InfoSelector(Bytes tx) {
    return DepositTransaction.decode(tx).data().slice(0, 4).toHex();
  }
}
