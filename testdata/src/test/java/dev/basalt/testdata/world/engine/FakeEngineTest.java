package dev.basalt.testdata.world.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.command.FetchEngineHeads;
import dev.basalt.core.command.SendForkchoiceUpdate;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.EngineVersions;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.ExecutionStatus;
import dev.basalt.core.engine.ForkchoiceState;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.engine.PayloadAttributes;
import dev.basalt.core.engine.PayloadId;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.event.RequestFailed;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.SimWorldConfig;
import dev.basalt.testdata.world.fault.Fault;
import dev.basalt.testdata.world.rollup.TrueBlock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeEngineTest {
  static final long GENESIS = 1_700_000_000L;
  SimWorld world;
  RollupConfig rollup;
  FakeEngine engine;
  List<TrueBlock> chain;

  @BeforeEach
  void world() {
    world = SimWorld.create(SimWorldConfig.defaults(7).withForks(SimWorldConfig.successive(GENESIS, 10)));
    world.advanceTo(GENESIS + 140);
    rollup = world.rollupConfig();
    engine = world.nodeEngine();
    chain = world.trueChain().blocks();
  }

  EngineResponse.NewPayloadResult insert(TrueBlock b) {
    long t = b.ref().timestamp();
    return assertInstanceOf(EngineResponse.NewPayloadResult.class, engine.newPayload(b.envelope(), EngineVersions.newPayload(rollup, t)));
  }

  static ForkchoiceState fcs(Hash32 head) {
    return new ForkchoiceState(head, Hash32.ZERO, Hash32.ZERO);
  }

  @Test
  void insertsTheTrueChainAndFollowsForkchoice() {
    for (TrueBlock b : chain.subList(1, chain.size())) {
      assertEquals(ExecutionStatus.VALID, insert(b).status().status(), "block " + b.number());
    }
    TrueBlock head = chain.get(chain.size() - 1);
    TrueBlock safe = chain.get(chain.size() / 2);
    var fcu = assertInstanceOf(EngineResponse.ForkchoiceUpdated.class,
        engine.forkchoiceUpdated(new ForkchoiceState(head.ref().hash(), safe.ref().hash(), chain.get(1).ref().hash()), Optional.empty(), 3));
    assertEquals(ExecutionStatus.VALID, fcu.status().status());
    EngineResponse.Heads heads = engine.heads();
    assertEquals(head.ref(), heads.unsafe());
    assertEquals(safe.ref(), heads.safe());
    assertEquals(chain.get(1).ref(), heads.finalized());
    assertEquals(Optional.of(chain.get(5).envelope()), engine.block(new L2BlockSelector.ByNumber(5)));
    assertEquals(Optional.of(safe.envelope()), engine.block(new L2BlockSelector.ByLabel(L2BlockSelector.Label.SAFE)));
  }

  @Test
  void rebuildsEveryTrueBlockFromItsDerivedAttributes() {
    for (int i = 1; i < chain.size(); i++) {
      TrueBlock parent = chain.get(i - 1);
      TrueBlock b = chain.get(i);
      ExecutionPayload p = b.envelope().payload();
      PayloadAttributes a = new PayloadAttributes(p.timestamp(), p.prevRandao(), p.feeRecipient(), p.withdrawals(),
          b.envelope().parentBeaconBlockRoot(), p.transactions(), true, p.gasLimit(), attributesParams(b), minBaseFee(b));
      var started = assertInstanceOf(EngineResponse.ForkchoiceUpdated.class, engine.forkchoiceUpdated(fcs(parent.ref().hash()),
          Optional.of(a), EngineVersions.forkchoiceUpdated(rollup, p.timestamp(), true)));
      var built = assertInstanceOf(EngineResponse.PayloadBuilt.class,
          engine.getPayload(started.payloadId().orElseThrow(), EngineVersions.getPayload(rollup, p.timestamp())));
      assertEquals(b.ref().hash(), built.envelope().payload().blockHash(), "same attributes, same block " + b.number());
      assertEquals(ExecutionStatus.VALID, insert(b).status().status());
    }
  }

  /** Payload ids of builds asked again (equal attributes as other objects) and of near variants, against hashing each afresh. */
  @Test
  void payloadIdsAreTheHashOfParentAndAttributesForRepeatsAndVariants() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(21);
    int repeats = 0;
    java.util.Set<PayloadAttributes> asked = new java.util.HashSet<>();
    for (int i = 1; i < chain.size(); i++) {
      assertEquals(ExecutionStatus.VALID, insert(chain.get(i)).status().status());
    }
    for (int round = 0; round < 4; round++) {
      for (int i = 1; i < chain.size(); i++) {
        TrueBlock parent = chain.get(random.nextInt(i)); // mostly not the true parent: other parents, same attributes
        TrueBlock b = chain.get(i);
        ExecutionPayload p = b.envelope().payload();
        List<dev.basalt.core.types.Bytes> txs = new java.util.ArrayList<>(p.transactions());
        Hash32 randao = p.prevRandao();
        long gasLimit = p.gasLimit();
        boolean noTxPool = true;
        switch (random.nextInt(6)) {
          case 0 -> txs.add(dev.basalt.core.types.Bytes.of(new byte[] {2, (byte) random.nextInt(4)}));
          case 1 -> randao = Hash32.wrap(new byte[32]);
          case 2 -> gasLimit += random.nextInt(2);
          case 3 -> noTxPool = random.nextBoolean();
          default -> { } // the same values, as new objects
        }
        PayloadAttributes a = new PayloadAttributes(p.timestamp(), randao, p.feeRecipient(), p.withdrawals(),
            b.envelope().parentBeaconBlockRoot(), txs, noTxPool, gasLimit, attributesParams(b), minBaseFee(b));
        repeats += asked.add(a) ? 0 : 1;
        var started = assertInstanceOf(EngineResponse.ForkchoiceUpdated.class, engine.forkchoiceUpdated(fcs(parent.ref().hash()),
            Optional.of(a), EngineVersions.forkchoiceUpdated(rollup, p.timestamp(), true)));
        assertEquals(FakeEngine.hashPayloadId(parent.ref().hash(), a), started.payloadId().orElseThrow(), "block " + b.number());
      }
    }
    assertTrue(repeats > 50, "attributes asked again: " + repeats);
  }

  @Test
  void buildNowAnswersWhatForkchoiceUpdatedThenGetPayloadAnswers() {
    FakeEngine slow = new FakeEngine(rollup, engine.genesis()); // its own memo: nothing shared with the fast engine
    FakeEngine fast = new FakeEngine(rollup, engine.genesis());
    java.util.SplittableRandom random = new java.util.SplittableRandom(11);
    int built = 0;
    int refused = 0;
    for (int i = 1; i < chain.size(); i++) {
      TrueBlock parent = chain.get(i - 1);
      TrueBlock b = chain.get(i);
      ExecutionPayload p = b.envelope().payload();
      boolean takePool = random.nextInt(3) == 0;
      if (takePool) {
        dev.basalt.core.types.Bytes tx = dev.basalt.core.types.Bytes.of(new byte[] {2, (byte) i, 7});
        slow.addPoolTransaction(tx);
        fast.addPoolTransaction(tx);
      }
      long timestamp = random.nextInt(6) == 0 ? parent.ref().timestamp() : p.timestamp(); // sometimes not after the head
      PayloadAttributes a = new PayloadAttributes(timestamp, p.prevRandao(), p.feeRecipient(), p.withdrawals(),
          b.envelope().parentBeaconBlockRoot(), p.transactions(), !takePool, p.gasLimit(), attributesParams(b), minBaseFee(b));
      Hash32 head = random.nextInt(8) == 0 ? Hash32.wrap(new byte[32]) : parent.ref().hash(); // sometimes unknown
      int fcuVersion = EngineVersions.forkchoiceUpdated(rollup, p.timestamp(), true) + (random.nextInt(10) == 0 ? 1 : 0);
      int getVersion = EngineVersions.getPayload(rollup, p.timestamp()) + (random.nextInt(10) == 0 ? 1 : 0);
      EngineResponse expected = slow.forkchoiceUpdated(fcs(head), Optional.of(a), fcuVersion);
      if (expected instanceof EngineResponse.ForkchoiceUpdated f && f.payloadId().isPresent()) {
        expected = slow.getPayload(f.payloadId().get(), getVersion);
      }
      EngineResponse actual = fast.buildNow(fcs(head), a, fcuVersion, getVersion);
      assertEquals(expected, actual, "block " + b.number());
      if (actual instanceof EngineResponse.PayloadBuilt) {
        built++;
      } else {
        refused++;
      }
      assertEquals(slow.heads(), fast.heads(), "block " + b.number());
      assertEquals(slow.poolSize(), fast.poolSize(), "block " + b.number());
      for (FakeEngine e : List.of(slow, fast)) {
        assertEquals(ExecutionStatus.VALID, assertInstanceOf(EngineResponse.NewPayloadResult.class,
            e.newPayload(b.envelope(), EngineVersions.newPayload(rollup, p.timestamp()))).status().status());
      }
    }
    assertTrue(built > 10 && refused > 3, built + " built, " + refused + " refused");
  }

  private Optional<dev.basalt.core.types.Bytes> attributesParams(TrueBlock b) {
    if (!rollup.isActive(dev.basalt.core.config.Fork.HOLOCENE, b.ref().timestamp())) {
      return Optional.empty();
    }
    if (rollup.isActivationBlock(dev.basalt.core.config.Fork.HOLOCENE, b.ref().timestamp())) {
      return Optional.of(dev.basalt.core.derive.payload.FeeParamsExtraData.eip1559Params(0, 0));
    }
    return Optional.of(dev.basalt.core.derive.payload.FeeParamsExtraData.eip1559Params(b.info().systemConfig().eip1559Denominator(),
        b.info().systemConfig().eip1559Elasticity()));
  }

  private java.util.OptionalLong minBaseFee(TrueBlock b) {
    return rollup.isActive(dev.basalt.core.config.Fork.JOVIAN, b.ref().timestamp())
        ? java.util.OptionalLong.of(b.info().systemConfig().minBaseFee()) : java.util.OptionalLong.empty();
  }

  @Test
  void unknownParentIsSyncingAndUnknownHeadToo() {
    assertEquals(ExecutionStatus.SYNCING, insert(chain.get(3)).status().status());
    engine.acceptedForUnknownParent(true);
    assertEquals(ExecutionStatus.ACCEPTED, insert(chain.get(3)).status().status());
    var fcu = assertInstanceOf(EngineResponse.ForkchoiceUpdated.class, engine.forkchoiceUpdated(fcs(chain.get(3).ref().hash()), Optional.empty(), 3));
    assertEquals(ExecutionStatus.SYNCING, fcu.status().status());
  }

  @Test
  void tamperedPayloadIsInvalidBlockHash() {
    ExecutionPayload p = chain.get(1).envelope().payload();
    ExecutionPayload tampered = new ExecutionPayload(p.parentHash(), p.feeRecipient(), p.stateRoot(), p.receiptsRoot(), p.logsBloom(),
        p.prevRandao(), p.blockNumber(), p.gasLimit(), p.gasUsed() + 1, p.timestamp(), p.extraData(), p.baseFeePerGas(), p.blockHash(),
        p.transactions(), p.withdrawals(), p.blobGasUsed(), p.excessBlobGas(), p.withdrawalsRoot());
    var r = assertInstanceOf(EngineResponse.NewPayloadResult.class, engine.newPayload(
        new ExecutionPayloadEnvelope(tampered, chain.get(1).envelope().parentBeaconBlockRoot()), EngineVersions.newPayload(rollup, p.timestamp())));
    assertEquals(ExecutionStatus.INVALID_BLOCK_HASH, r.status().status());
    ExecutionPayload resealed = L2Headers.sealed(rollup, new ExecutionPayloadEnvelope(tampered, chain.get(1).envelope().parentBeaconBlockRoot())).payload();
    var r2 = assertInstanceOf(EngineResponse.NewPayloadResult.class, engine.newPayload(
        new ExecutionPayloadEnvelope(resealed, chain.get(1).envelope().parentBeaconBlockRoot()), EngineVersions.newPayload(rollup, p.timestamp())));
    assertEquals(ExecutionStatus.INVALID, r2.status().status(), "hash fine, execution differs");
    assertEquals(Optional.of(p.parentHash()), r2.status().latestValidHash());
  }

  @Test
  void restartLosesBlocksAboveThePersistedOne() {
    for (TrueBlock b : chain.subList(1, 30)) {
      insert(b);
    }
    engine.forkchoiceUpdated(fcs(chain.get(10).ref().hash()), Optional.empty(), 3);
    engine.persist();
    engine.forkchoiceUpdated(fcs(chain.get(29).ref().hash()), Optional.empty(), 3);
    engine.restart();
    assertEquals(chain.get(10).ref(), engine.heads().unsafe());
    assertEquals(Optional.empty(), engine.block(new L2BlockSelector.ByHash(chain.get(11).ref().hash())));
    assertEquals(ExecutionStatus.VALID, insert(chain.get(11)).status().status(), "can continue from the persisted head");
  }

  @Test
  void errorsAndInjectedFaults() {
    assertEquals(EngineErrors.UNKNOWN_PAYLOAD, assertInstanceOf(EngineResponse.RpcError.class, engine.getPayload(new PayloadId(42), 4)).code());
    insert(chain.get(1));
    insert(chain.get(2));
    var bad = assertInstanceOf(EngineResponse.RpcError.class, engine.forkchoiceUpdated(
        new ForkchoiceState(chain.get(1).ref().hash(), chain.get(2).ref().hash(), Hash32.ZERO), Optional.empty(), 3));
    assertEquals(EngineErrors.INVALID_FORKCHOICE_STATE, bad.code());
    ExecutionPayload p = chain.get(3).envelope().payload();
    PayloadAttributes stale = new PayloadAttributes(chain.get(2).ref().timestamp(), p.prevRandao(), p.feeRecipient(), p.withdrawals(),
        chain.get(3).envelope().parentBeaconBlockRoot(), p.transactions(), true, p.gasLimit(), Optional.empty(), java.util.OptionalLong.empty());
    assertEquals(EngineErrors.INVALID_PAYLOAD_ATTRIBUTES, assertInstanceOf(EngineResponse.RpcError.class,
        engine.forkchoiceUpdated(fcs(chain.get(2).ref().hash()), Optional.of(stale), 3)).code());
    int right = EngineVersions.newPayload(rollup, p.timestamp());
    int wrong = 2 + (right - 1) % 3;
    // A V3+ call for a payload without a beacon root cannot be well-formed: geth rejects its params first.
    int expected = wrong >= 3 && chain.get(3).envelope().parentBeaconBlockRoot().isEmpty()
        ? EngineErrors.INVALID_PARAMS : EngineErrors.UNSUPPORTED_FORK;
    assertEquals(expected, assertInstanceOf(EngineResponse.RpcError.class, engine.newPayload(chain.get(3).envelope(), wrong)).code());
    if (chain.get(3).envelope().parentBeaconBlockRoot().isEmpty()) {
      ExecutionPayloadEnvelope rooted = new ExecutionPayloadEnvelope(p, Optional.of(Hash32.ZERO));
      assertEquals(EngineErrors.UNSUPPORTED_FORK, assertInstanceOf(EngineResponse.RpcError.class, engine.newPayload(rooted, 3)).code());
    }
    engine.syncingFor(2);
    assertEquals(ExecutionStatus.SYNCING, insert(chain.get(3)).status().status());
    assertEquals(ExecutionStatus.SYNCING, insert(chain.get(3)).status().status());
    Hash32 victim = Hash32.wrap(dev.basalt.core.crypto.Keccak.hash(chain.get(4).envelope().payload().transactions().get(0)).toArray());
    engine.invalidWhen(b -> b.transactions().stream().anyMatch(tx -> dev.basalt.core.crypto.Keccak.hash(tx).equals(victim)));
    assertEquals(ExecutionStatus.VALID, insert(chain.get(3)).status().status());
    assertEquals(ExecutionStatus.INVALID, insert(chain.get(4)).status().status());
    var fcu = assertInstanceOf(EngineResponse.ForkchoiceUpdated.class, engine.forkchoiceUpdated(fcs(chain.get(4).ref().hash()), Optional.empty(), 3));
    assertEquals(ExecutionStatus.INVALID, fcu.status().status());
    assertEquals(Optional.of(chain.get(3).ref().hash()), fcu.status().latestValidHash());
  }

  @Test
  void responderMapsFaultsToEvents() {
    EngineResponder responder = world.engineResponder();
    responder.faults().add(c -> true, Fault.Fail.rpcError(-32000, "boom"), 1);
    responder.faults().add(c -> true, new Fault.Timeout(), 1);
    responder.faults().add(c -> c instanceof SendForkchoiceUpdate, new Fault.Drop(), 1);
    var rpc = assertInstanceOf(EngineResponseReceived.class, world.handle(new FetchEngineHeads(1)).get(0));
    assertEquals(-32000, assertInstanceOf(EngineResponse.RpcError.class, rpc.response()).code());
    assertEquals(FailureKind.TIMEOUT, assertInstanceOf(RequestFailed.class, world.handle(new FetchEngineHeads(2)).get(0)).kind());
    insert(chain.get(1));
    var dropped = assertInstanceOf(RequestFailed.class, world.handle(new SendForkchoiceUpdate(3, fcs(chain.get(1).ref().hash()))).get(0));
    assertEquals(FailureKind.TRANSPORT, dropped.kind());
    assertEquals(chain.get(1).ref(), engine.heads().unsafe(), "a dropped answer's call still took effect");
    responder.faults().add(c -> true, new Fault.Delay(500), 1);
    assertTrue(world.handle(new FetchEngineHeads(4)).isEmpty());
    assertTrue(world.deliverDue(world.nowSeconds() * 1000 + 499).isEmpty());
    var late = assertInstanceOf(EngineResponseReceived.class, world.deliverDue(world.nowSeconds() * 1000 + 500).get(0));
    assertEquals(4, late.correlationId());
  }

  @Test
  void oracleModeRecordsMismatchesAndAnswersWithTheRealBlock() {
    Oracle oracle = engine.useOracle(chain.subList(1, 4).stream().map(TrueBlock::envelope).toList());
    ExecutionPayload p = chain.get(1).envelope().payload();
    PayloadAttributes wrong = new PayloadAttributes(p.timestamp(), Hash32.ZERO, p.feeRecipient(), p.withdrawals(),
        chain.get(1).envelope().parentBeaconBlockRoot(), p.transactions().subList(0, 1), true, p.gasLimit() + 1,
        attributesParams(chain.get(1)), minBaseFee(chain.get(1)));
    var started = assertInstanceOf(EngineResponse.ForkchoiceUpdated.class,
        engine.forkchoiceUpdated(fcs(chain.get(0).ref().hash()), Optional.of(wrong), EngineVersions.forkchoiceUpdated(rollup, p.timestamp(), true)));
    var built = assertInstanceOf(EngineResponse.PayloadBuilt.class,
        engine.getPayload(started.payloadId().orElseThrow(), EngineVersions.getPayload(rollup, p.timestamp())));
    assertEquals(chain.get(1).ref().hash(), built.envelope().payload().blockHash());
    List<String> fields = oracle.mismatches().stream().map(OracleMismatch::field).toList();
    assertTrue(fields.containsAll(List.of("prevRandao", "gasLimit")), fields::toString);
    if (p.transactions().size() > 1) {
      assertTrue(fields.containsAll(List.of("transactionHashes", "transactionsRoot")), fields::toString);
    }
    assertEquals(1, oracle.checks());
  }

}
