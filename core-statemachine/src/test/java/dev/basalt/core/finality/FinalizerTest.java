package dev.basalt.core.finality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.command.Command;
import dev.basalt.core.command.FetchL1Block;
import dev.basalt.core.flow.Outbox;
import dev.basalt.core.flow.Requests;
import dev.basalt.core.flow.Signal;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import dev.basalt.core.world.TestChain;
import dev.basalt.core.world.TestL1;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FinalizerTest {
  private final Requests requests = new Requests();
  private final Finalizer finalizer = new Finalizer();
  private final TestL1 l1 = new TestL1(TestChain.holocene().l1Genesis);

  private static L2BlockRef l2(long n) {
    byte[] h = new byte[32];
    h[0] = 2;
    h[31] = (byte) n;
    return new L2BlockRef(Hash32.wrap(h), n, Hash32.ZERO, n * 2, BlockId.ZERO, 0);
  }

  /** Answers the finalizer's L1 checks from the chain; returns the signals raised. */
  private List<Signal> answer(Outbox out, L2BlockRef finalizedL2) {
    List<Signal> signals = new ArrayList<>();
    for (int i = 0; i < out.commands().size(); i++) {
      Command c = out.commands().get(i);
      if (c instanceof FetchL1Block f) {
        L1Block b = l1.block(f.number());
        requests.complete(f.correlationId());
        finalizer.onL1Block(f.correlationId(), b, finalizedL2, out);
      }
    }
    for (Signal s = out.nextSignal(); s != null; s = out.nextSignal()) {
      signals.add(s);
    }
    return signals;
  }

  @Test
  void finalizesTheHighestSafeBlockDerivedFromFinalizedL1() {
    l1.mineTo(20);
    for (long n = 1; n <= 10; n++) {
      finalizer.onSafeDerived(l2(n * 3), l1.block(n).ref());
      finalizer.onSafeDerived(l2(n * 3 + 1), l1.block(n).ref());
    }
    Outbox out = new Outbox(requests, 0);
    finalizer.onL1Finalized(l1.block(6).ref(), L2BlockRef.ZERO, out);
    assertEquals(List.of(new Signal.FinalizeRequested(l2(19))), answer(out, L2BlockRef.ZERO),
        "the last safe block derived from L1 block 6");
    assertEquals(List.of(6L, 6L), out.commands().stream().map(c -> ((FetchL1Block) c).number()).toList(),
        "the signal and the deriving block are checked on L1, one after the other");
  }

  @Test
  void rememberAtMostTheLookback() {
    l1.mineTo(300);
    for (long n = 1; n <= 300; n++) {
      finalizer.onSafeDerived(l2(n), l1.block(n).ref());
    }
    Outbox out = new Outbox(requests, 0);
    finalizer.onL1Finalized(l1.block(100).ref(), L2BlockRef.ZERO, out);
    assertTrue(out.commands().isEmpty(), "L1 block 100 is older than the " + Finalizer.LOOKBACK + " remembered");
    finalizer.onL1Finalized(l1.block(250).ref(), L2BlockRef.ZERO, out);
    assertEquals(List.of(new Signal.FinalizeRequested(l2(250))), answer(out, L2BlockRef.ZERO));
  }

  @Test
  void aFinalitySignalOffTheCanonicalChainResets() {
    l1.mineTo(10);
    finalizer.onSafeDerived(l2(5), l1.block(4).ref());
    L1BlockRef stale = l1.block(8).ref();
    l1.reorgFrom(7);
    l1.mineTo(10);
    Outbox out = new Outbox(requests, 0);
    finalizer.onL1Finalized(stale, L2BlockRef.ZERO, out);
    List<Signal> signals = answer(out, L2BlockRef.ZERO);
    assertEquals(1, signals.size());
    assertTrue(signals.get(0) instanceof Signal.ResetRequested);
  }

  @Test
  void derivationIdleRetriesOnlyEverySixtyFourL1Blocks() {
    l1.mineTo(200);
    Outbox out = new Outbox(requests, 0);
    finalizer.onL1Finalized(l1.block(1).ref(), L2BlockRef.ZERO, out);
    finalizer.onSafeDerived(l2(5), l1.block(1).ref());
    finalizer.onDerivationIdle(l1.block(100).ref(), L2BlockRef.ZERO, out);
    int afterFirst = out.commands().size();
    assertEquals(1, afterFirst, "tried at 100");
    answer(out, L2BlockRef.ZERO);
    Outbox later = new Outbox(requests, 0);
    finalizer.onSafeDerived(l2(6), l1.block(1).ref());
    finalizer.onDerivationIdle(l1.block(150).ref(), l2(5), later);
    assertTrue(later.commands().isEmpty(), "150 <= 100 + 64");
    finalizer.onDerivationIdle(l1.block(165).ref(), l2(5), later);
    assertEquals(1, later.commands().size(), "165 > 100 + 64");
  }
}
