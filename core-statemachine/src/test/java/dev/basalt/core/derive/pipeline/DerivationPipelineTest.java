package dev.basalt.core.derive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.config.ChainGenesis;
import dev.basalt.core.config.Eip1559Params;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.ForkSchedule;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.derive.AttributesWithParent;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.batch.SingularBatch;
import dev.basalt.core.engine.PayloadAttributes;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.state.StateDigest;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The facade: reset walk-back, lockstep with the engine, failures, and a small derivation. */
class DerivationPipelineTest {
  private static final SystemConfig SYS =
      new SystemConfig(L1Txs.BATCHER.address(), Hash32.ZERO, Hash32.ZERO, 30_000_000, 0, 0, 0, 0, 0, 0);
  private final List<L1BlockRef> l1 = Fixtures.l1Chain(0, times(40));
  private final L2BlockRef genesisRef = new L2BlockRef(Fixtures.hash(2, 0), 0, Hash32.ZERO, 0, l1.get(0).id(), 0);

  private static long[] times(int n) {
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      t[i] = 12L * i;
    }
    return t;
  }

  private RollupConfig config(ForkSchedule forks, long channelTimeout) {
    ChainGenesis genesis = new ChainGenesis(l1.get(0).id(), genesisRef.id(), 0, SYS);
    return new RollupConfig(1, 901, genesis, 2, 600, 10, channelTimeout, Fixtures.BATCH_INBOX,
        Address.fromHex("0xbeb5fc579115071764c7423a4f12edde41f106ed"), Fixtures.SYSTEM_CONFIG, forks, -1,
        new Eip1559Params(6, 50, 250), false);
  }

  private L1Block l1Block(int n, Bytes... inboxTxs) {
    return L1Txs.block(l1.get(n), inboxTxs);
  }

  /** The chain the pipeline should derive: built by the same fake engine from the same inputs. */
  private List<L2BlockInfo> model(L2BlockInfo genesis, int blocks) {
    FakeEngine engine = new FakeEngine(genesis);
    List<L2BlockInfo> out = new ArrayList<>();
    for (int i = 1; i <= blocks; i++) {
      L2BlockInfo parent = engine.head();
      long time = 2L * i;
      L1Block epoch = L1Txs.block(l1.get((int) (time / 12)));
      PayloadAttributes attrs = new PayloadAttributes(time, Hash32.ZERO, Address.ZERO, Optional.of(List.of()), Optional.empty(),
          List.of(FakePreparer.deposit(epoch), userTx(i)), true, 30_000_000, Optional.empty(), OptionalLong.empty());
      out.add(engine.build(new AttributesWithParent(attrs, parent.ref(), l1.get(0), true)));
    }
    return out;
  }

  private static Bytes userTx(int i) {
    return Bytes.wrapOwned(new byte[] {0x02, (byte) i, 0x33});
  }

  private static SingularBatch batchOf(L2BlockInfo block, int i) {
    return new SingularBatch(block.ref().parentHash(), block.ref().l1Origin().number(), block.ref().l1Origin().hash(),
        block.ref().timestamp(), List.of(userTx(i)));
  }

  /** Steps, answering block requests and idling from {@code available}, until something else comes. */
  private static StepResult runFeeding(DerivationPipeline p, Map<Long, L1Block> available) {
    while (true) {
      StepResult r = p.step();
      if (r instanceof StepResult.NeedL1Block n && available.containsKey(n.number())) {
        p.addL1Block(available.get(n.number()));
      } else if (r instanceof StepResult.Idle i && available.containsKey(i.origin().number() + 1)) {
        p.addL1Block(available.get(i.origin().number() + 1));
      } else if (!(r instanceof StepResult.Progress)) {
        return r;
      }
    }
  }

  private static StepResult run(DerivationPipeline p) {
    StepResult r;
    do {
      r = p.step();
    } while (r instanceof StepResult.Progress);
    return r;
  }

  @Test
  void stepBeforeTheFirstResetIsAProgrammingError() {
    DerivationPipeline p = new DerivationPipeline(config(Fixtures.forksThrough(Fork.DELTA), 4), new FakePreparer(),
        new FakeEngine(new L2BlockInfo(genesisRef, SYS, List.of())), DropListener.NONE);
    assertThrows(IllegalStateException.class, p::step);
  }

  @Test
  void derivesBlockByBlockInLockstepWithTheEngine() {
    L2BlockInfo genesis = new L2BlockInfo(genesisRef, SYS, List.of());
    List<L2BlockInfo> expected = model(genesis, 6);
    List<SingularBatch> batches = new ArrayList<>();
    for (int i = 0; i < expected.size(); i++) {
      batches.add(batchOf(expected.get(i), i + 1));
    }
    FakeEngine engine = new FakeEngine(genesis);
    DerivationPipeline p = new DerivationPipeline(config(Fixtures.forksThrough(Fork.DELTA), 4), new FakePreparer(), engine, DropListener.NONE);
    p.reset(genesis);
    assertEquals(new StepResult.NeedL1Block(0), run(p), "the walk-back needs the safe head's L1 origin");
    p.addL1Block(l1Block(0));
    assertEquals(new StepResult.Idle(l1.get(0)), run(p));
    p.addL1Block(l1Block(1, L1Txs.calldataTx(L1Txs.BATCHER, 1, Fixtures.BATCH_INBOX,
        TestChannels.txData("c", batches.toArray(SingularBatch[]::new)))));
    for (L2BlockInfo want : expected) {
      StepResult.Derived d = assertInstanceOf(StepResult.Derived.class, run(p));
      assertEquals(new StepResult.WaitingForSafeHead(d.attributes()), p.step(), "no second attributes before confirmation");
      L2BlockInfo built = engine.build(d.attributes());
      assertEquals(want.ref(), built.ref());
      assertEquals(l1.get(1), d.attributes().derivedFrom());
      p.confirmSafeHead(built);
    }
    assertEquals(new StepResult.Idle(l1.get(1)), run(p));
  }

  @Test
  void droppedAttributesLeaveTheSafeHeadAndDerivationContinuesOnIt() {
    L2BlockInfo genesis = new L2BlockInfo(genesisRef, SYS, List.of());
    List<L2BlockInfo> expected = model(genesis, 2);
    FakeEngine engine = new FakeEngine(genesis);
    DerivationPipeline p = new DerivationPipeline(config(Fixtures.forksThrough(Fork.DELTA), 4), new FakePreparer(), engine, DropListener.NONE);
    p.reset(genesis);
    p.addL1Block(l1Block(0));
    // The first batch twice: the engine rejects the first copy; the second copy then applies.
    p.addL1Block(l1Block(1,
        L1Txs.calldataTx(L1Txs.BATCHER, 1, Fixtures.BATCH_INBOX, TestChannels.txData("a", batchOf(expected.get(0), 1))),
        L1Txs.calldataTx(L1Txs.BATCHER, 1, Fixtures.BATCH_INBOX, TestChannels.txData("b", batchOf(expected.get(0), 1)))));
    StepResult.Derived first = assertInstanceOf(StepResult.Derived.class, run(p));
    p.confirmSafeHead(genesis);
    StepResult.Derived again = assertInstanceOf(StepResult.Derived.class, run(p));
    assertEquals(first.attributes(), again.attributes());
  }

  @Test
  void anL1ReorgResetsUntilTheNextReset() {
    L2BlockInfo genesis = new L2BlockInfo(genesisRef, SYS, List.of());
    FakeEngine engine = new FakeEngine(genesis);
    DerivationPipeline p = new DerivationPipeline(config(Fixtures.forksThrough(Fork.DELTA), 4), new FakePreparer(), engine, DropListener.NONE);
    p.reset(genesis);
    p.addL1Block(l1Block(0));
    p.addL1Block(l1Block(1));
    assertEquals(new StepResult.Idle(l1.get(1)), run(p));
    L1BlockRef other = new L1BlockRef(Fixtures.hash(8, 2), 2, Fixtures.hash(8, 1), 24);
    p.addL1Block(L1Txs.block(other));
    StepResult.Reset reset = assertInstanceOf(StepResult.Reset.class, run(p));
    assertEquals(reset, p.step(), "a reset result stays until the pipeline is reset");
    // A reset forgets every cached block, the stale one too: the canonical chain is fetched again.
    p.reset(genesis);
    assertEquals(new StepResult.NeedL1Block(0), run(p));
    assertEquals(new StepResult.Idle(l1.get(2)), runFeeding(p, Map.of(0L, l1Block(0), 1L, l1Block(1), 2L, l1Block(2))));
  }

  @Test
  void blocksBeyondTheNextOneAreNotKept() {
    L2BlockInfo genesis = new L2BlockInfo(genesisRef, SYS, List.of());
    DerivationPipeline p = new DerivationPipeline(config(Fixtures.forksThrough(Fork.DELTA), 4), new FakePreparer(),
        new FakeEngine(genesis), DropListener.NONE);
    p.reset(genesis);
    assertTrue(p.addL1Block(l1Block(1)));
    assertEquals(false, p.addL1Block(l1Block(2)), "while resetting, nothing past the safe head's origin + 1");
    p.addL1Block(l1Block(0));
    assertEquals(new StepResult.Idle(l1.get(1)), run(p));
    assertEquals(false, p.addL1Block(l1Block(3)));
    assertTrue(p.addL1Block(l1Block(2)));
  }

  /** 60 L2 blocks, six per L1 block, with their own system configs (gas limit 1000 + number). */
  private List<L2BlockInfo> walkChain() {
    List<L2BlockInfo> chain = new ArrayList<>();
    chain.add(new L2BlockInfo(genesisRef, SYS.withGasLimit(1000), List.of()));
    for (int n = 1; n <= 60; n++) {
      L2BlockRef ref = new L2BlockRef(Fixtures.hash(2, n), n, Fixtures.hash(2, n - 1), 2L * n, l1.get(n / 6).id(), n % 6);
      chain.add(new L2BlockInfo(ref, SYS.withGasLimit(1000 + n), List.of()));
    }
    return chain;
  }

  private StepResult walk(DerivationPipeline p, FakeEngine engine, List<Long> l1Asked, List<Long> l2Asked) {
    while (true) {
      StepResult r = p.step();
      switch (r) {
        case StepResult.NeedL1Block n -> {
          l1Asked.add(n.number());
          p.addL1Block(l1Block((int) n.number()));
        }
        case StepResult.NeedL2Block n -> {
          l2Asked.add(n.number());
          engine.hidden.remove(n.number());
        }
        case StepResult.Progress pr -> {
          if (!p.resetting()) {
            return r;
          }
        }
        default -> {
          return r;
        }
      }
    }
  }

  @Test
  void resetWalksBackAChannelTimeoutOfL1OriginsAndTakesThatAncestorsSystemConfig() {
    List<L2BlockInfo> chain = walkChain();
    FakeEngine engine = new FakeEngine(chain.get(0));
    chain.forEach(engine::add);
    for (long n = 0; n < 54; n++) {
      engine.hidden.add(n);
    }
    DerivationPipeline p = new DerivationPipeline(config(Fixtures.forksThrough(Fork.DELTA), 4), new FakePreparer(), engine,
        DropListener.NONE, 5);
    p.reset(chain.get(54));
    List<Long> l1Asked = new ArrayList<>();
    List<Long> l2Asked = new ArrayList<>();
    walk(p, engine, l1Asked, l2Asked);
    // Origin 9 - timeout 4: the first ancestor with origin 5 is block 35, the last of epoch 5.
    assertEquals(l1.get(5), p.origin());
    assertEquals(1035, p.l1SystemConfig().gasLimit());
    assertEquals(List.of(9L, 8L, 7L, 6L, 5L), l1Asked);
    List<Long> expectedL2 = new ArrayList<>();
    for (long n = 53; n >= 35; n--) {
      expectedL2.add(n);
    }
    assertEquals(expectedL2, l2Asked, "one ancestor at a time, down to the stopping block");
  }

  @Test
  void graniteTimeoutOfAnOriginWalksFurtherBack() {
    List<L2BlockInfo> chain = walkChain();
    FakeEngine engine = new FakeEngine(chain.get(0));
    chain.forEach(engine::add);
    // Granite from L1 block 3's time: origins 3..9 time out after 50 blocks and are walked past;
    // origin 2 is pre-Granite (timeout 4) and 2 + 4 <= 9 stops the walk at block 17.
    ForkSchedule forks = Fixtures.forkAt(Fork.GRANITE, l1.get(3).timestamp());
    DerivationPipeline p = new DerivationPipeline(config(forks, 4), new FakePreparer(), engine, DropListener.NONE);
    p.reset(chain.get(54));
    walk(p, engine, new ArrayList<>(), new ArrayList<>());
    assertEquals(l1.get(2), p.origin());
    assertEquals(1017, p.l1SystemConfig().gasLimit());
  }

  @Test
  void theWalkStopsAtGenesis() {
    List<L2BlockInfo> chain = walkChain();
    FakeEngine engine = new FakeEngine(chain.get(0));
    chain.forEach(engine::add);
    DerivationPipeline p = new DerivationPipeline(config(Fixtures.forksThrough(Fork.DELTA), 300), new FakePreparer(), engine,
        DropListener.NONE);
    p.reset(chain.get(54));
    walk(p, engine, new ArrayList<>(), new ArrayList<>());
    assertEquals(l1.get(0), p.origin());
    // op-node stops at the first block whose origin is the L1 genesis: block 5, the last of epoch 0.
    assertEquals(1005, p.l1SystemConfig().gasLimit());
  }

  @Test
  void aBrokenL2ChainDuringTheWalkResets() {
    List<L2BlockInfo> chain = walkChain();
    FakeEngine engine = new FakeEngine(chain.get(0));
    chain.forEach(engine::add);
    L2BlockRef stranger = new L2BlockRef(Fixtures.hash(6, 53), 53, Fixtures.hash(6, 52), 106, l1.get(8).id(), 5);
    engine.add(new L2BlockInfo(stranger, SYS, List.of()));
    DerivationPipeline p = new DerivationPipeline(config(Fixtures.forksThrough(Fork.DELTA), 4), new FakePreparer(), engine, DropListener.NONE);
    p.reset(chain.get(54));
    p.addL1Block(l1Block(9));
    assertInstanceOf(StepResult.Reset.class, run(p));
  }

  @Test
  void snapshotRestoreContinuesIdenticallyWithTheSameStateHash() {
    L2BlockInfo genesis = new L2BlockInfo(genesisRef, SYS, List.of());
    List<L2BlockInfo> expected = model(genesis, 12);
    List<SingularBatch> batches = new ArrayList<>();
    for (int i = 0; i < expected.size(); i++) {
      batches.add(batchOf(expected.get(i), i + 1));
    }
    RollupConfig cfg = config(Fixtures.forksThrough(Fork.DELTA), 4);
    FakeEngine engine = new FakeEngine(genesis);
    DerivationPipeline p = new DerivationPipeline(cfg, new FakePreparer(), engine, DropListener.NONE);
    p.reset(genesis);
    Map<Long, L1Block> available = Map.of(
        0L, l1Block(0),
        1L, l1Block(1, L1Txs.calldataTx(L1Txs.BATCHER, 1, Fixtures.BATCH_INBOX,
            TestChannels.txData("c", batches.subList(0, 6).toArray(SingularBatch[]::new)))),
        2L, l1Block(2, L1Txs.calldataTx(L1Txs.BATCHER, 1, Fixtures.BATCH_INBOX,
            TestChannels.txData("d", batches.subList(6, 12).toArray(SingularBatch[]::new)))));
    for (int i = 0; i < 3; i++) {
      StepResult.Derived d = assertInstanceOf(StepResult.Derived.class, runFeeding(p, available));
      p.confirmSafeHead(engine.build(d.attributes()));
    }
    BinaryWriter w = new BinaryWriter();
    p.writeTo(w);
    FakeEngine engine2 = new FakeEngine(genesis);
    engine.applied.forEach(engine2::build);
    DerivationPipeline q = DerivationPipeline.restore(new BinaryReader(w.toByteArray()), cfg, new FakePreparer(), engine2,
        DropListener.NONE, DerivationPipeline.DEFAULT_STEP_BUDGET);
    assertEquals(StateDigest.of(p), StateDigest.of(q));
    BinaryWriter again = new BinaryWriter();
    q.writeTo(again);
    assertTrue(Arrays.equals(w.toByteArray(), again.toByteArray()), "a restored pipeline writes the same snapshot");
    for (int i = 3; i < 12; i++) {
      StepResult rp = runFeeding(p, available);
      StepResult rq = runFeeding(q, available);
      assertEquals(rp, rq);
      StepResult.Derived d = assertInstanceOf(StepResult.Derived.class, rp);
      p.confirmSafeHead(engine.build(d.attributes()));
      q.confirmSafeHead(engine2.build(d.attributes()));
      assertEquals(StateDigest.of(p), StateDigest.of(q));
    }
    assertEquals(expected.get(11).ref(), engine.head().ref());
  }
}
