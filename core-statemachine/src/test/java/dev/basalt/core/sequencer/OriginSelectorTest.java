package dev.basalt.core.sequencer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.command.FetchL1Block;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.flow.Outbox;
import dev.basalt.core.flow.Requests;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import dev.basalt.core.world.TestChain;
import dev.basalt.core.world.TestL1;
import org.junit.jupiter.api.Test;

/** The origin rules of op-node's L1OriginSelector: confirmations, time, drift, reorgs, recover mode. */
class OriginSelectorTest {
  private static final long G = TestChain.GENESIS_TIME;
  private final RollupConfig rollup = TestChain.holocene().rollup;
  private final TestL1 l1 = new TestL1(TestL1.ref(0, 0, G));
  private final Requests requests = new Requests();
  private final OriginSelector selector = new OriginSelector();
  private Outbox out = new Outbox(requests, 0);

  private L2BlockRef parent(long originNumber, long timestamp) {
    return new L2BlockRef(Hash32.wrap(new byte[32]), 5, Hash32.ZERO, timestamp, l1.block(originNumber).ref().id(), 1);
  }

  /** Chooses, answering every fetch from the L1 chain, until the choice is not a wait. */
  private OriginChoice choose(L2BlockRef parent, long l1HeadNumber, long confs, boolean recover) {
    L1BlockRef head = l1.block(l1HeadNumber).ref();
    for (int i = 0; i < 5; i++) {
      out = new Outbox(requests, 0);
      OriginChoice c = selector.choose(parent, rollup, head, confs, recover, out);
      if (!(c instanceof OriginChoice.Wait)) {
        answerFetches();
        return c;
      }
      answerFetches();
    }
    throw new AssertionError("still waiting");
  }

  private void answerFetches() {
    for (var c : out.commands()) {
      if (c instanceof FetchL1Block f) {
        L1Block b = l1.block(f.number());
        if (b == null) {
          selector.onFailed(f.correlationId());
        } else {
          selector.onL1Block(f.correlationId(), b);
        }
      }
    }
  }

  private L1Block used(OriginChoice c) {
    return assertInstanceOf(OriginChoice.Use.class, c).origin();
  }

  @Test
  void theNextOriginNeedsItsConfirmationsAndItsTime() {
    l1.mineTo(10);
    L2BlockRef p = parent(0, G + 10);
    assertEquals(0, used(choose(p, 4, 4, false)).ref().number(), "block 1 has 3 confirmations at head 4");
    assertEquals(0, used(choose(p, 5, 4, false)).ref().number(), "the next origin is only being read");
    assertEquals(1, used(choose(p, 5, 4, false)).ref().number(), "confirmed, read, and its time (G+12) reached");
    assertEquals(0, used(choose(parent(0, G + 8), 10, 4, false)).ref().number(),
        "an L2 block at G+10 may not have an origin from G+12");
  }

  @Test
  void pastTheDriftTheNextOriginIsRequired() {
    l1.mineTo(10);
    long drift = rollup.maxSequencerDrift(G);
    assertEquals(1800, drift, "Fjord's constant drift");
    L2BlockRef atLimit = parent(0, G + drift - 2);
    assertEquals(0, used(choose(atLimit, 4, 4, false)).ref().number(), "exactly at the drift is still allowed");
    L2BlockRef beyond = parent(0, G + drift);
    assertInstanceOf(OriginChoice.Retry.class, choose(beyond, 4, 4, false), "next origin not confirmed: no block");
    assertEquals(1, used(choose(beyond, 5, 4, false)).ref().number(), "waited for the next origin and took it");
  }

  @Test
  void anOriginReorgedAwayResetsInsteadOfBuilding() {
    l1.mineTo(10);
    L2BlockRef p = parent(3, G + 40);
    assertEquals(3, used(choose(p, 10, 4, false)).ref().number());
    l1.reorgFrom(2);
    l1.mineTo(10);
    selector.onL1Head();
    OriginChoice c = choose(p, 10, 4, false);
    assertTrue(assertInstanceOf(OriginChoice.Reset.class, c).why().contains("no longer canonical"), c::toString);
  }

  @Test
  void aNewL1HeadMakesTheSelectorReadItsOriginsAgain() {
    l1.mineTo(10);
    L2BlockRef p = parent(3, G + 46);
    assertEquals(3, used(choose(p, 10, 4, false)).ref().number());
    assertEquals(4, used(choose(p, 10, 4, false)).ref().number());
    selector.onL1Head();
    out = new Outbox(requests, 0);
    assertInstanceOf(OriginChoice.Wait.class, selector.choose(p, rollup, l1.block(10).ref(), 4, false, out));
    assertEquals(1, out.commands().size(), "the current origin is read again first");
  }

  @Test
  void recoverModeWaitsToKnowTheNextOrigin() {
    l1.mineTo(10);
    L2BlockRef p = parent(0, G + 12);
    out = new Outbox(requests, 0);
    assertInstanceOf(OriginChoice.Wait.class, selector.choose(p, rollup, l1.block(10).ref(), 4, true, out));
    answerFetches();
    out = new Outbox(requests, 0);
    assertInstanceOf(OriginChoice.Wait.class, selector.choose(p, rollup, l1.block(10).ref(), 4, true, out),
        "recover mode does not build on the current origin while the next is unknown");
    answerFetches();
    assertEquals(1, used(choose(p, 10, 4, true)).ref().number());
    L2BlockRef atTip = parent(6, G + 80);
    assertEquals(6, used(choose(atTip, 10, 4, true)).ref().number(), "no confirmed next origin: the current one");
  }
}
