package dev.basalt.core.derive.attributes;

import static dev.basalt.core.derive.attributes.TestChain.GAS_LIMIT;
import static dev.basalt.core.derive.attributes.TestChain.STAGGERED;
import static dev.basalt.core.derive.attributes.TestChain.config;
import static dev.basalt.core.derive.attributes.TestChain.configUpdate;
import static dev.basalt.core.derive.attributes.TestChain.depositLog;
import static dev.basalt.core.derive.attributes.TestChain.l1Block;
import static dev.basalt.core.derive.attributes.TestChain.l1Hash;
import static dev.basalt.core.derive.attributes.TestChain.ok;
import static dev.basalt.core.derive.attributes.TestChain.parent;
import static dev.basalt.core.derive.attributes.TestChain.prepared;
import static dev.basalt.core.derive.attributes.TestChain.word;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.deposit.SourceHash;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.PrepareOutcome;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.l1info.L1BlockInfo;
import dev.basalt.core.l1info.L1InfoCalldata;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.Log;
import dev.basalt.core.types.ReceiptLog;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The epoch rules of op-node's PreparePayloadAttributes: same origin, next origin, or reset. */
class EpochRulesTest {
  private static final StatefulAttributesPreparer PREPARER = new StatefulAttributesPreparer(STAGGERED, TestChain.L1);
  private static final Address ALICE = Address.fromHex("0x" + "a1".repeat(20));
  private static final DepositTransaction DEPOSIT_0 = new DepositTransaction(Hash32.ZERO, ALICE,
      Address.fromHex("0x" + "b0".repeat(20)), BigInteger.TEN, BigInteger.TWO, 100_000, false, Bytes.fromHex("0xc0ffee"));
  private static final DepositTransaction DEPOSIT_1 = new DepositTransaction(Hash32.ZERO, ALICE, null, BigInteger.ZERO,
      BigInteger.ZERO, 500_000, false, Bytes.fromHex("0x6080"));
  // L1 block 100 is at time 1200: L2 blocks 1200.. of the Karst era can use it and its successors.
  private static final long T = 1202;

  private static L1BlockInfo l1Info(PrepareOutcome.Prepared p) {
    return L1InfoCalldata.decode(DepositTransaction.decode(p.attributes().transactions().get(0)).data());
  }

  @Test
  void sameEpochTakesTheNextSequenceNumberAndNoDeposits() {
    // Deposit and config-update logs of the origin were consumed by the epoch's first block.
    List<ReceiptLog> logs = List.of(ok(depositLog(DEPOSIT_0), 0), ok(configUpdate(2, word(50_000_000)), 1));
    PrepareOutcome.Prepared p = prepared(PREPARER.prepare(parent(T - 2, 100, 3, config()), l1Block(100, logs), T));
    assertEquals(1, p.attributes().transactions().size());
    assertEquals(4, l1Info(p).sequenceNumber());
    assertEquals(l1Hash(100), l1Info(p).blockHash());
    assertEquals(SourceHash.l1Info(l1Hash(100), 4), DepositTransaction.decode(p.attributes().transactions().get(0)).sourceHash());
    assertEquals(config(), p.systemConfig());
    assertEquals(GAS_LIMIT, p.attributes().gasLimit());
  }

  @Test
  void nextEpochStartsAtSequenceZeroWithTheOriginsDepositsAndConfigUpdates() {
    List<ReceiptLog> logs = List.of(ok(depositLog(DEPOSIT_0), 4), ok(configUpdate(2, word(50_000_000)), 5),
        new ReceiptLog(depositLog(DEPOSIT_1), 6, false), ok(depositLog(DEPOSIT_1), 7));
    PrepareOutcome.Prepared p = prepared(PREPARER.prepare(parent(T - 2, 99, 5, config()), l1Block(100, logs), T));
    List<Bytes> txs = p.attributes().transactions();
    assertEquals(3, txs.size(), "L1 info, then the two deposits of successful receipts");
    assertEquals(0, l1Info(p).sequenceNumber());
    DepositTransaction first = DepositTransaction.decode(txs.get(1));
    DepositTransaction second = DepositTransaction.decode(txs.get(2));
    // Source hashes commit to the origin's hash and the block-wide log index (specs deposits.md).
    assertEquals(SourceHash.userDeposit(l1Hash(100), 4), first.sourceHash());
    assertEquals(SourceHash.userDeposit(l1Hash(100), 7), second.sourceHash());
    assertEquals(DEPOSIT_0.data(), first.data());
    assertEquals(BigInteger.TEN, first.mint());
    assertTrue(second.isCreation());
    assertEquals(50_000_000, p.systemConfig().gasLimit());
    assertEquals(50_000_000, p.attributes().gasLimit());
  }

  @Test
  void aConflictingOriginOfTheSameNumberResets() {
    L1Block fork = l1BlockWithHash(100, Hash32.fromHex("0x" + "ff".repeat(32)), l1Hash(99));
    PrepareOutcome outcome = PREPARER.prepare(parent(T - 2, 100, 3, config()), fork, T);
    assertTrue(assertInstanceOf(PrepareOutcome.Reset.class, outcome).reason().contains("in conflict with L1 origin"));
  }

  @Test
  void aNextOriginThatDoesNotBuildOnTheParentsOriginResets() {
    L1Block other = l1BlockWithHash(100, l1Hash(100), Hash32.fromHex("0x" + "ee".repeat(32)));
    PrepareOutcome outcome = PREPARER.prepare(parent(T - 2, 99, 3, config()), other, T);
    assertTrue(assertInstanceOf(PrepareOutcome.Reset.class, outcome).reason().contains("on top of L1 origin"));
  }

  @Test
  void skippingOrGoingBackAnEpochResets() {
    assertInstanceOf(PrepareOutcome.Reset.class, PREPARER.prepare(parent(T - 2, 98, 0, config()), l1Block(100), T));
    assertInstanceOf(PrepareOutcome.Reset.class, PREPARER.prepare(parent(T - 2, 100, 0, config()), l1Block(99), T));
    // A block claiming to follow the parent's origin but numbered two ahead is not the next epoch.
    L1Block lying = new L1Block(new L1BlockRef(l1Hash(101), 101, l1Hash(99), 1212), TestChain.L1_BASE_FEE,
        TestChain.mixHash(101), OptionalLong.of(0), Optional.empty(), List.of(), List.of());
    assertInstanceOf(PrepareOutcome.Reset.class, PREPARER.prepare(parent(T - 2, 99, 0, config()), lying, T));
  }

  @Test
  void aBlockOlderThanItsOriginResets() {
    // L1 block 101 is at 1212; an L2 block at 1202 cannot have it as origin.
    PrepareOutcome outcome = PREPARER.prepare(parent(T - 2, 100, 0, config()), l1Block(101), T);
    assertTrue(assertInstanceOf(PrepareOutcome.Reset.class, outcome).reason().contains("before L1 origin"));
    prepared(PREPARER.prepare(parent(1210, 100, 0, config()), l1Block(101), 1212));
  }

  @Test
  void aMalformedDepositLogIsCriticalOnTheEpochsFirstBlockOnly() {
    Log good = depositLog(DEPOSIT_0);
    Log badVersion = new Log(good.address(), List.of(good.topics().get(0), good.topics().get(1), good.topics().get(2),
        Hash32.fromHex(word(1))), good.data());
    L1Block origin = l1Block(100, List.of(ok(good, 0), ok(badVersion, 1)));
    PrepareOutcome outcome = PREPARER.prepare(parent(T - 2, 99, 0, config()), origin, T);
    String reason = assertInstanceOf(PrepareOutcome.Critical.class, outcome).reason();
    assertTrue(reason.contains("log 1 UNSUPPORTED_VERSION"), reason);
    // The same origin's later blocks never look at its logs again.
    prepared(PREPARER.prepare(parent(T - 2, 100, 0, config()), origin, T));
    // A malformed log in a failed receipt never counts.
    prepared(PREPARER.prepare(parent(T - 2, 99, 0, config()), l1Block(100, List.of(new ReceiptLog(badVersion, 1, false))), T));
  }

  @Test
  void malformedConfigUpdatesAreSkippedNotCritical() {
    L1Block origin = l1Block(100, List.of(ok(configUpdate(2, "00"), 0), ok(configUpdate(9, word(1)), 1)));
    assertEquals(config(), prepared(PREPARER.prepare(parent(T - 2, 99, 0, config()), origin, T)).systemConfig());
  }

  @Test
  void aTimestampOtherThanTheParentsPlusBlockTimeIsACallerBug() {
    assertThrows(IllegalArgumentException.class, () -> PREPARER.prepare(parent(T - 2, 100, 0, config()), l1Block(100), T + 2));
  }

  @Test
  void anEcotoneScalarOfUnknownVersionIsCritical() {
    // Set before Ecotone, such a scalar cannot be packed into the Ecotone-form deposit (op-node: critical).
    SystemConfig bad = config().withFeeScalars(Hash32.ZERO, Hash32.fromHex("0x02" + "00".repeat(31)));
    PrepareOutcome outcome = PREPARER.prepare(parent(T - 2, 100, 0, bad), l1Block(100), T);
    assertInstanceOf(PrepareOutcome.Critical.class, outcome);
  }

  private static L1Block l1BlockWithHash(long number, Hash32 hash, Hash32 parentHash) {
    return new L1Block(new L1BlockRef(hash, number, parentHash, 12 * number), TestChain.L1_BASE_FEE, TestChain.mixHash(number),
        OptionalLong.of(0), Optional.empty(), List.of(), List.of());
  }
}
