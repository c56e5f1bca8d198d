package dev.basalt.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.command.Command;
import dev.basalt.core.command.ResolveGossipMessage;
import dev.basalt.core.command.SendNewPayload;
import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.event.GossipPayloadReceived;
import dev.basalt.core.event.UnsafeBlockSignerObserved;
import dev.basalt.core.p2p.BlockSigning;
import dev.basalt.core.p2p.GossipMessage;
import dev.basalt.core.p2p.GossipOutcome;
import dev.basalt.core.p2p.GossipReason;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.world.Harness;
import dev.basalt.core.world.ScriptedWorld;
import dev.basalt.core.world.TestChain;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Gossiped blocks through the whole core: verdicts back to the router, accepted blocks into the engine. */
class GossipScenarioTest {
  private static final SigningKey SEQUENCER = SigningKey.fromHex("0x" + "33".repeat(32));
  private final ScriptedWorld w = new ScriptedWorld(TestChain.holocene());

  private Bytes message(ExecutionPayloadEnvelope block, SigningKey key) {
    Bytes signed = GossipMessage.signedBytes(w.chain.rollup, block);
    return GossipMessage.encode(BlockSigning.sign(key, GossipMessage.signingHash(TestChain.L2_CHAIN_ID, signed)), signed);
  }

  private static ResolveGossipMessage verdict(List<Command> out) {
    List<ResolveGossipMessage> v = out.stream().filter(ResolveGossipMessage.class::isInstance)
        .map(ResolveGossipMessage.class::cast).toList();
    assertEquals(1, v.size(), "one verdict per message: " + out);
    return v.get(0);
  }

  private static Bytes id(int n) {
    return Bytes.fromHex(String.format("0x%040x", n));
  }

  @Test
  void signedBlocksExtendTheUnsafeChainAndEveryMessageGetsItsVerdict() {
    w.l1.mineTo(3);
    w.truth.sequenceTo(12);
    Harness h = new Harness(w);
    h.start();
    h.observeL1();
    h.deliver(new UnsafeBlockSignerObserved(SEQUENCER.address()));
    for (int n = 1; n <= 12; n++) {
      ExecutionPayloadEnvelope block = w.truth.block(n);
      long receivedAt = block.payload().timestamp() * 1000 + 300;
      ResolveGossipMessage v = verdict(h.deliver(new GossipPayloadReceived(receivedAt, "peerA", 3, message(block, SEQUENCER), id(n))));
      assertEquals(new ResolveGossipMessage(id(n), "peerA", 3, GossipReason.VALID, "",
          Optional.of(w.truth.info(n).ref().id())), v);
      h.settle();
    }
    assertEquals(w.truth.info(12).ref(), h.status().unsafeL2(), "gossiped blocks extend the unsafe chain");
    assertEquals(0, h.status().safeL2().number());
    h.assertShadowAgrees();
  }

  @Test
  void refusedMessagesNeverReachTheEngine() {
    w.l1.mineTo(1);
    w.truth.sequenceTo(2);
    Harness h = new Harness(w);
    h.start();
    h.observeL1();
    ExecutionPayloadEnvelope block = w.truth.block(1);
    long receivedAt = block.payload().timestamp() * 1000;
    ResolveGossipMessage ignored = verdict(h.deliver(new GossipPayloadReceived(receivedAt, "p", 3, message(block, SEQUENCER), id(1))));
    assertEquals(GossipReason.NO_SIGNER, ignored.reason(), "no signer known yet");
    assertEquals(GossipOutcome.IGNORE, ignored.outcome());
    h.deliver(new UnsafeBlockSignerObserved(SEQUENCER.address()));
    SigningKey stranger = SigningKey.fromHex("0x" + "44".repeat(32));
    int before = h.commands.size();
    ResolveGossipMessage rejected = verdict(h.deliver(new GossipPayloadReceived(receivedAt, "p", 3, message(block, stranger), id(2))));
    assertEquals(GossipOutcome.REJECT, rejected.outcome());
    ResolveGossipMessage stale = verdict(h.deliver(
        new GossipPayloadReceived(receivedAt + 61_000, "p", 3, message(block, SEQUENCER), id(3))));
    assertEquals(GossipReason.TOO_OLD, stale.reason());
    h.settle();
    assertTrue(h.since(before, SendNewPayload.class).isEmpty());
    assertEquals(0, h.status().unsafeL2().number());
    ResolveGossipMessage accepted = verdict(h.deliver(new GossipPayloadReceived(receivedAt, "q", 3, message(block, SEQUENCER), id(4))));
    assertEquals(GossipOutcome.ACCEPT, accepted.outcome());
    h.settle();
    assertEquals(w.truth.info(1).ref(), h.status().unsafeL2());
    ResolveGossipMessage duplicate = verdict(h.deliver(new GossipPayloadReceived(receivedAt, "r", 3, message(block, SEQUENCER), id(5))));
    assertEquals(GossipReason.DUPLICATE, duplicate.reason());
  }

  @Test
  void aRotatedSignerTakesOverAndTheOldSignersBlocksAreRejected() {
    w.l1.mineTo(3);
    w.truth.sequenceTo(3);
    Harness h = new Harness(w);
    h.start();
    h.observeL1();
    SigningKey next = SigningKey.fromHex("0x" + "55".repeat(32));
    h.deliver(new UnsafeBlockSignerObserved(SEQUENCER.address()));
    ExecutionPayloadEnvelope one = w.truth.block(1);
    long at1 = one.payload().timestamp() * 1000;
    assertEquals(GossipOutcome.ACCEPT, verdict(h.deliver(new GossipPayloadReceived(at1, "p", 3, message(one, SEQUENCER), id(1)))).outcome());
    h.settle();

    h.deliver(new UnsafeBlockSignerObserved(next.address()));
    ExecutionPayloadEnvelope two = w.truth.block(2);
    long at2 = two.payload().timestamp() * 1000;
    int before = h.commands.size();
    ResolveGossipMessage old = verdict(h.deliver(new GossipPayloadReceived(at2, "p", 3, message(two, SEQUENCER), id(2))));
    assertEquals(GossipReason.WRONG_SIGNER, old.reason(), "the old signer no longer speaks for the chain");
    h.settle();
    assertTrue(h.since(before, SendNewPayload.class).isEmpty(), "nothing of the old signer reaches the engine");
    assertEquals(w.truth.info(1).ref(), h.status().unsafeL2());

    ResolveGossipMessage fresh = verdict(h.deliver(new GossipPayloadReceived(at2, "q", 3, message(two, next), id(3))));
    assertEquals(GossipOutcome.ACCEPT, fresh.outcome(), "the new signer's block of the same height is accepted");
    h.settle();
    assertEquals(w.truth.info(2).ref(), h.status().unsafeL2());
    h.assertShadowAgrees();
  }
}
