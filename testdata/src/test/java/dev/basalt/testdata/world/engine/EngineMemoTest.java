package dev.basalt.testdata.world.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.gen.SimRng;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.SimWorldConfig;
import dev.basalt.testdata.world.rollup.TrueBlock;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The memo against the computations it remembers, on the true chain and on many seeded variations of it. */
class EngineMemoTest {
  static final long GENESIS = 1_700_000_000L;

  @Test
  void answersExactlyAsTheComputationOnTrueAndAlteredBlocks() {
    SimWorld world = SimWorld.create(SimWorldConfig.defaults(11).withForks(SimWorldConfig.successive(GENESIS, 10)));
    world.advanceTo(GENESIS + 160);
    RollupConfig rollup = world.rollupConfig();
    List<TrueBlock> chain = world.trueChain().blocks();
    SimRng rng = new SimRng(42);
    // The world's own memo (warm from sequencing) and a fresh one that sees the variations first.
    for (EngineMemo memo : List.of(world.nodeEngine().memo(), new EngineMemo(rollup))) {
      for (int i = 1; i < chain.size(); i++) {
        ExecutionPayloadEnvelope parent = chain.get(i - 1).envelope();
        ExecutionPayloadEnvelope block = chain.get(i).envelope();
        for (int round = 0; round < 3; round++) {
          checkBoth(rollup, memo, parent, block);
          for (int v = 0; v < 2 * EngineMemo.PER_KEY; v++) {
            ExecutionPayloadEnvelope variant = altered(block, rng);
            ExecutionPayloadEnvelope otherParent = altered(parent, rng);
            for (int again = 0; again < 2; again++) { // a miss, then (mostly) a hit
              checkBoth(rollup, memo, parent, variant);
              checkBoth(rollup, memo, otherParent, block);
            }
          }
        }
      }
    }
  }

  private static void checkBoth(RollupConfig rollup, EngineMemo memo, ExecutionPayloadEnvelope parent, ExecutionPayloadEnvelope block) {
    ExecutionPayload p = block.payload();
    assertEquals(L2Headers.hash(rollup, block), memo.headerHash(block), "header hash of block " + p.blockNumber());
    ExecutionPayloadEnvelope sealed = memo.sealed(block);
    assertEquals(L2Headers.sealed(rollup, block), sealed);
    // The sealed object asked again (the identity path), and sealed again (the remembered object handed out).
    assertEquals(L2Headers.hash(rollup, block), memo.headerHash(sealed), "header hash of the sealed block " + p.blockNumber());
    assertEquals(L2Headers.sealed(rollup, block), memo.sealed(sealed));
    assertEquals(L2Headers.hash(rollup, block), memo.headerHash(block), "header hash of block " + p.blockNumber() + " again");
    assertEquals(PseudoExecution.execute(rollup, parent.payload(), p.blockNumber(), p.timestamp(), p.transactions()),
        memo.execute(parent.payload(), p.blockNumber(), p.timestamp(), p.transactions()), "execution of block " + p.blockNumber());
    assertEquals(PayloadBuilder.verifyExecution(rollup, parent.payload(), p), PayloadBuilder.verifyExecution(memo, parent.payload(), p));
  }

  /** {@code block} with one thing changed, keeping its parent hash, number and time (the memo's lookup key) most of the time. */
  static ExecutionPayloadEnvelope altered(ExecutionPayloadEnvelope block, SimRng rng) {
    ExecutionPayload p = block.payload();
    Hash32 parentHash = p.parentHash();
    Hash32 stateRoot = p.stateRoot();
    Hash32 receiptsRoot = p.receiptsRoot();
    long number = p.blockNumber();
    long gasUsed = p.gasUsed();
    long timestamp = p.timestamp();
    Bytes extraData = p.extraData();
    BigInteger baseFee = p.baseFeePerGas();
    Hash32 blockHash = p.blockHash();
    List<Bytes> txs = p.transactions();
    OptionalLong blobGasUsed = p.blobGasUsed();
    Optional<Hash32> withdrawalsRoot = p.withdrawalsRoot();
    Optional<Hash32> beaconRoot = block.parentBeaconBlockRoot();
    long gasLimit = p.gasLimit();
    switch (rng.nextInt(14)) {
      case 0 -> stateRoot = Hash32.wrap(rng.bytes(32));
      case 1 -> receiptsRoot = Hash32.wrap(rng.bytes(32));
      case 2 -> gasUsed += 1 + rng.nextInt(1000);
      case 3 -> extraData = Bytes.of(rng.bytes(extraData.length()));
      case 4 -> baseFee = baseFee.add(BigInteger.ONE);
      case 5 -> blockHash = Hash32.wrap(rng.bytes(32));
      case 6 -> txs = flipOneByte(txs, rng);
      case 7 -> {
        List<Bytes> more = new ArrayList<>(txs);
        more.add(Bytes.of(new byte[] {2, (byte) rng.nextInt(256), (byte) rng.nextInt(256)}));
        txs = more;
      }
      // Fork fields change only where the block has them (a header cannot have them out of order).
      case 8 -> blobGasUsed = blobGasUsed.isPresent() ? OptionalLong.of(blobGasUsed.getAsLong() + 1) : blobGasUsed;
      case 9 -> withdrawalsRoot = withdrawalsRoot.map(r -> Hash32.wrap(rng.bytes(32)));
      case 10 -> gasLimit += 1 + rng.nextInt(1000);
      case 11 -> timestamp += 1; // a parent's time is read by its child's execution (and is in a block's lookup key)
      case 12 -> number += EngineMemo.RING; // another number in the same bucket
      default -> beaconRoot = beaconRoot.map(r -> Hash32.wrap(rng.bytes(32)));
    }
    ExecutionPayload q = new ExecutionPayload(parentHash, p.feeRecipient(), stateRoot, receiptsRoot, p.logsBloom(), p.prevRandao(),
        number, gasLimit, gasUsed, timestamp, extraData, baseFee, blockHash, txs, p.withdrawals(), blobGasUsed, p.excessBlobGas(),
        withdrawalsRoot);
    return new ExecutionPayloadEnvelope(q, beaconRoot);
  }

  /** One byte of a user transaction changed (a deposit must stay decodable: the engine executes its fields). */
  private static List<Bytes> flipOneByte(List<Bytes> txs, SimRng rng) {
    List<Integer> users = new ArrayList<>();
    for (int i = 0; i < txs.size(); i++) {
      if (txs.get(i).length() > 1 && (txs.get(i).get(0) & 0xff) != DepositTransaction.TYPE) {
        users.add(i);
      }
    }
    List<Bytes> out = new ArrayList<>(txs);
    if (users.isEmpty()) {
      out.add(Bytes.of(new byte[] {2, (byte) rng.nextInt(256)}));
      return out;
    }
    int t = users.get(rng.nextInt(users.size()));
    byte[] b = out.get(t).toArray();
    b[1 + rng.nextInt(b.length - 1)] ^= (byte) (1 + rng.nextInt(255));
    out.set(t, Bytes.wrapOwned(b));
    return out;
  }

  @Test
  void numbersSharingABucketNeverAnswerForEachOther() {
    SimWorld world = SimWorld.create(SimWorldConfig.defaults(9).withForks(SimWorldConfig.successive(GENESIS, 10)));
    world.advanceTo(GENESIS + 60);
    RollupConfig rollup = world.rollupConfig();
    List<TrueBlock> chain = world.trueChain().blocks();
    EngineMemo memo = new EngineMemo(rollup);
    for (int i = 1; i < chain.size(); i++) {
      ExecutionPayload parent = chain.get(i - 1).envelope().payload();
      ExecutionPayloadEnvelope block = chain.get(i).envelope();
      ExecutionPayload p = block.payload();
      for (long number : new long[] {p.blockNumber(), p.blockNumber() + EngineMemo.RING, p.blockNumber(), p.blockNumber() + 2 * EngineMemo.RING}) {
        assertEquals(PseudoExecution.execute(rollup, parent, number, p.timestamp(), p.transactions()),
            memo.execute(parent, number, p.timestamp(), p.transactions()), "execution at number " + number);
        ExecutionPayloadEnvelope renumbered = renumbered(block, number);
        assertEquals(L2Headers.hash(rollup, renumbered), memo.headerHash(renumbered), "header hash at number " + number);
        assertEquals(L2Headers.sealed(rollup, renumbered), memo.sealed(renumbered));
      }
    }
  }

  private static ExecutionPayloadEnvelope renumbered(ExecutionPayloadEnvelope block, long number) {
    ExecutionPayload p = block.payload();
    return new ExecutionPayloadEnvelope(new ExecutionPayload(p.parentHash(), p.feeRecipient(), p.stateRoot(), p.receiptsRoot(),
        p.logsBloom(), p.prevRandao(), number, p.gasLimit(), p.gasUsed(), p.timestamp(), p.extraData(), p.baseFeePerGas(),
        p.blockHash(), p.transactions(), p.withdrawals(), p.blobGasUsed(), p.excessBlobGas(), p.withdrawalsRoot()),
        block.parentBeaconBlockRoot());
  }

  @Test
  void aForgedPayloadUnderAKnownHashIsStillCaught() {
    SimWorld world = SimWorld.create(SimWorldConfig.defaults(5).withForks(SimWorldConfig.successive(GENESIS, 10)));
    world.advanceTo(GENESIS + 60);
    RollupConfig rollup = world.rollupConfig();
    EngineMemo memo = world.nodeEngine().memo();
    List<TrueBlock> chain = world.trueChain().blocks();
    ExecutionPayloadEnvelope block = chain.get(3).envelope();
    ExecutionPayload p = block.payload();
    assertEquals(p.blockHash(), memo.headerHash(block));
    List<Bytes> txs = new ArrayList<>(p.transactions());
    txs.add(Bytes.of(new byte[] {2, 3, 4}));
    ExecutionPayload forged = new ExecutionPayload(p.parentHash(), p.feeRecipient(), p.stateRoot(), p.receiptsRoot(), p.logsBloom(),
        p.prevRandao(), p.blockNumber(), p.gasLimit(), p.gasUsed(), p.timestamp(), p.extraData(), p.baseFeePerGas(), p.blockHash(), txs,
        p.withdrawals(), p.blobGasUsed(), p.excessBlobGas(), p.withdrawalsRoot());
    ExecutionPayloadEnvelope forgedEnvelope = new ExecutionPayloadEnvelope(forged, block.parentBeaconBlockRoot());
    assertNotEquals(p.blockHash(), memo.headerHash(forgedEnvelope), "claims the true hash, hashes to another");
    ExecutionPayload parent = chain.get(2).envelope().payload();
    assertEquals(Optional.empty(), PayloadBuilder.verifyExecution(memo, parent, p));
    assertEquals(PayloadBuilder.verifyExecution(rollup, parent, forged), PayloadBuilder.verifyExecution(memo, parent, forged));
    assertNotEquals(Optional.empty(), PayloadBuilder.verifyExecution(memo, parent, forged));
  }

  @Test
  void engineAndMemoMustServeOneRollup() {
    SimWorld a = SimWorld.create(SimWorldConfig.defaults(1));
    SimWorld b = SimWorld.create(SimWorldConfig.defaults(2));
    assertSame(a.nodeEngine().memo(), a.sequencer().engine().memo(), "one memo per world");
    assertThrows(IllegalArgumentException.class,
        () -> new FakeEngine(a.rollupConfig(), a.nodeEngine().genesis(), b.nodeEngine().memo()));
  }
}
