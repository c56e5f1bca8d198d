package dev.basalt.testdata.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.NodeMode;
import dev.basalt.core.command.ResolveGossipMessage;
import dev.basalt.core.event.GossipPayloadReceived;
import dev.basalt.core.event.UnsafeBlockSignerObserved;
import dev.basalt.core.p2p.GossipOutcome;
import dev.basalt.core.p2p.GossipReason;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.testdata.gen.SimRng;
import dev.basalt.testdata.world.SimWorld;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The simulated world's gossip peers, honest and hostile, and the oracle that judges every verdict. */
class SimGossipTest {
  private static FaultSchedule schedule(String... lines) {
    return FaultSchedule.parse(lines);
  }

  @Test
  void honestPeersRelayTrueBlocksShortlyAfterTheirSlotAndTheUnsafeHeadRunsAhead() {
    Simulation.Options o = Simulation.Options.of(1, 30).withProfile("calm");
    List<Long> lagsMillis = new ArrayList<>();
    long[] maxLead = {0};
    SimWorld world = Simulation.worldFor(o);
    long genesis = world.config().genesisTime();
    long slot = world.config().l2BlockSeconds();
    SimResult r = Simulation.run(o, schedule("0 GOSSIP_PEERS 5"), (event, out, core) -> {
      for (var c : out) {
        if (c instanceof ResolveGossipMessage v && v.outcome() == GossipOutcome.ACCEPT && event instanceof GossipPayloadReceived g) {
          lagsMillis.add(g.receivedAtMillis() - (genesis + v.block().orElseThrow().number() * slot) * 1000);
        }
      }
      var s = core.syncStatus();
      maxLead[0] = Math.max(maxLead[0], s.unsafeL2().number() - s.safeL2().number());
    });
    assertTrue(r.passed(), () -> "failed: " + r.failure());
    assertTrue(lagsMillis.size() > 100, "blocks were gossiped: " + lagsMillis.size());
    lagsMillis.sort(Long::compare);
    long median = lagsMillis.get(lagsMillis.size() / 2);
    assertTrue(median >= 20 && median <= 520, "a block arrives within the relay latency of its slot: median " + median + " ms");
    assertTrue(maxLead[0] >= 6, "the unsafe head ran ahead of the safe head by " + maxLead[0] + " blocks");
    assertTrue(r.marks().containsKey("unsafe head ahead of safe from gossip"), () -> "marks: " + r.marks());
  }

  @Test
  void equivocatingBlocksAreAdoptedThenReplacedByDerivation() {
    Simulation.Options o = Simulation.Options.of(2, 40).withProfile("calm");
    SimResult r = Simulation.run(o, schedule("0 GOSSIP_PEERS 4", "5 GOSSIP_EQUIVOCATION 2", "12 GOSSIP_EQUIVOCATION 7",
        "20 GOSSIP_EQUIVOCATION 1"), (e, out, core) -> {});
    assertTrue(r.passed(), () -> "failed: " + r.failure());
    for (String mark : List.of("equivocating block became the unsafe head", "equivocating block replaced by derivation",
        "gossip: equivocating block accepted", "gossip: too many blocks at a height rejected")) {
      assertTrue(r.marks().containsKey(mark), () -> mark + " missing: " + r.marks());
    }
  }

  @Test
  void equivocatingChainsAreFollowedThenReplacedByDerivation() {
    Simulation.Options o = Simulation.Options.of(2, 40).withProfile("calm");
    SimResult r = Simulation.run(o, schedule("0 GOSSIP_PEERS 4", "5 GOSSIP_EQUIVOCATING_CHAIN 4", "14 GOSSIP_EQUIVOCATING_CHAIN 3",
        "15 NODE_CRASH 1"), (e, out, core) -> {});
    assertTrue(r.passed(), () -> "failed: " + r.failure());
    for (String mark : List.of("gossip: child of a forged block accepted", "equivocating chain became the unsafe head",
        "equivocating block replaced by derivation")) {
      assertTrue(r.marks().containsKey(mark), () -> mark + " missing: " + r.marks());
    }
  }

  @Test
  void aRotatedSignerIsRejectedUntilTheNodeReadsItFromL1() {
    Simulation.Options o = Simulation.Options.of(3, 40).withProfile("calm");
    SimResult r = Simulation.run(o, schedule("0 GOSSIP_PEERS 3", "6 GOSSIP_SIGNER_ROTATION 3", "9 GOSSIP_DUPLICATE 3",
        "20 GOSSIP_SIGNER_ROTATION 2", "21 NODE_CRASH 0"), (e, out, core) -> {});
    assertTrue(r.passed(), () -> "failed: " + r.failure());
    for (String mark : List.of("unsafe-block signer rotated on L1", "unsafe-block signer learned from L1 after a rotation",
        "gossip: block by a signer the node does not know (yet or any more) rejected", "gossip: true block by a rotated signer accepted")) {
      assertTrue(r.marks().containsKey(mark), () -> mark + " missing: " + r.marks());
    }
  }

  @Test
  void rotationAndChainDrawsLeaveEveryOtherClassAsItWas() {
    for (long seed = 1; seed <= 30; seed++) {
      Simulation.Options o = Simulation.Options.of(seed, 60);
      SimRng rng = new SimRng(seed).fork("faults");
      SwarmProfile profile = SwarmProfile.of("swarm", rng.fork("profile"), NodeMode.VALIDATOR);
      TreeMap<FaultClass, Integer> without = new TreeMap<>(profile.perMille());
      without.remove(FaultClass.GOSSIP_SIGNER_ROTATION);
      without.remove(FaultClass.GOSSIP_EQUIVOCATING_CHAIN);
      FaultSchedule old = FaultSchedule.draw(new SwarmProfile("swarm", without), 60, rng.fork("schedule"));
      List<ScheduledFault> drawn = Simulation.schedule(o).faults().stream()
          .filter(f -> f.fault() != FaultClass.GOSSIP_SIGNER_ROTATION && f.fault() != FaultClass.GOSSIP_EQUIVOCATING_CHAIN).toList();
      assertEquals(old.faults(), drawn, "seed " + seed);
    }
  }

  @Test
  void everyHostileKindGetsTheVerdictOfItsRule() {
    Simulation.Options o = Simulation.Options.of(3, 30).withProfile("calm");
    SimResult r = Simulation.run(o, schedule("0 GOSSIP_PEERS 2", "6 GOSSIP_DUPLICATE 3", "8 GOSSIP_BAD_SIGNATURE 3",
        "10 GOSSIP_OUT_OF_WINDOW 2", "11 GOSSIP_OUT_OF_WINDOW 3", "14 GOSSIP_FLOOD 40", "15 NODE_CRASH 1"), (e, out, core) -> {});
    assertTrue(r.passed(), () -> "failed: " + r.failure());
    for (String mark : List.of("gossip: duplicate ignored", "gossip: bad signature rejected", "gossip: too old rejected",
        "gossip: too new rejected", "gossip flood absorbed", "unsafe-block signer observed again after a restart")) {
      assertTrue(r.marks().containsKey(mark), () -> mark + " missing: " + r.marks());
    }
  }

  @Test
  void aSequencerMeetsReplayedAndForgedCopiesOfItsOwnBlocks() {
    Simulation.Options o = Simulation.Options.of(4, 30).withProfile("calm").withMode(NodeMode.SEQUENCER);
    SimResult r = Simulation.run(o, schedule("5 GOSSIP_DUPLICATE 3", "8 GOSSIP_BAD_SIGNATURE 3", "10 GOSSIP_OUT_OF_WINDOW 2",
        "12 GOSSIP_FLOOD 30", "13 GOSSIP_EQUIVOCATION 3"), (e, out, core) -> {});
    assertTrue(r.passed(), () -> "failed: " + r.failure());
    assertTrue(!r.injected().containsKey(FaultClass.GOSSIP_EQUIVOCATION), "a sequencer meets no equivocation: " + r.injected());
    for (String mark : List.of("gossip: duplicate ignored", "gossip: bad signature rejected", "gossip flood absorbed")) {
      assertTrue(r.marks().containsKey(mark), () -> mark + " missing: " + r.marks());
    }
  }

  @Test
  void aScheduleWithoutGossipHasNoPeers() {
    boolean[] gossip = {false};
    SimResult r = Simulation.run(Simulation.Options.of(5, 20), schedule("4 L1_REORG 3", "9 NODE_CRASH 1"), (e, out, core) ->
        gossip[0] |= e instanceof GossipPayloadReceived || e instanceof UnsafeBlockSignerObserved);
    assertTrue(r.passed(), () -> "failed: " + r.failure());
    assertTrue(!gossip[0], "no gossip event in a run without gossip");
  }

  @Test
  void gossipDrawsLeaveEveryOtherClassAsItWas() {
    for (long seed = 1; seed <= 30; seed++) {
      Simulation.Options o = Simulation.Options.of(seed, 60);
      SimRng rng = new SimRng(seed).fork("faults");
      SwarmProfile profile = SwarmProfile.of("swarm", rng.fork("profile"), NodeMode.VALIDATOR);
      TreeMap<FaultClass, Integer> without = new TreeMap<>(profile.perMille());
      without.keySet().removeIf(FaultClass::gossip);
      FaultSchedule old = FaultSchedule.draw(new SwarmProfile("swarm", without), 60, rng.fork("schedule"));
      List<ScheduledFault> drawn = Simulation.schedule(o).faults().stream().filter(f -> !f.fault().gossip()).toList();
      assertEquals(old.faults(), drawn, "seed " + seed);
    }
  }

  @Test
  void theOracleRefusesAVerdictItsRuleDoesNotGive() {
    Simulation.Options o = Simulation.Options.of(6, 10).withProfile("calm");
    SimWorld world = Simulation.worldFor(o);
    SimNode node = SimNode.start(world, world.coreConfig(NodeMode.VALIDATOR));
    node.advanceTo(world.config().genesisTime() + 24);
    node.runUntil(() -> false, 10_000);
    Coverage coverage = new Coverage();
    GossipOracle oracle = new GossipOracle(world.nodeEngine(), coverage, false);
    var block = world.trueChain().head().envelope().payload();
    long at = block.timestamp() * 1000 + 100;
    oracle.applied(new UnsafeBlockSignerObserved(Address.ZERO), List.of(), node.core());
    Bytes first = Bytes.fromHex("0x01");
    oracle.sent(first, new GossipOracle.Sent(null, block, false, true, Address.ZERO, false));
    oracle.applied(new GossipPayloadReceived(at, "p", 4, Bytes.EMPTY, first),
        List.of(new ResolveGossipMessage(first, "p", 4, GossipReason.VALID, "", Optional.empty())), node.core());
    Bytes again = Bytes.fromHex("0x02");
    oracle.sent(again, new GossipOracle.Sent(FaultClass.GOSSIP_DUPLICATE, block, false, true, Address.ZERO, false));
    assertThrows(InvariantViolation.class, () -> oracle.applied(new GossipPayloadReceived(at, "p", 4, Bytes.EMPTY, again),
        List.of(new ResolveGossipMessage(again, "p", 4, GossipReason.VALID, "", Optional.empty())), node.core()),
        "a block seen before must be ignored as a duplicate");
    Bytes forged = Bytes.fromHex("0x03");
    oracle.sent(forged, new GossipOracle.Sent(FaultClass.GOSSIP_BAD_SIGNATURE, block, true, false, Address.ZERO, false));
    assertThrows(InvariantViolation.class, () -> oracle.applied(new GossipPayloadReceived(at, "p", 4, Bytes.EMPTY, forged),
        List.of(new ResolveGossipMessage(forged, "p", 4, GossipReason.TOO_OLD, "", Optional.empty())), node.core()),
        "a bad signature is rejected for its signature");
    Bytes silent = Bytes.fromHex("0x04");
    oracle.sent(silent, new GossipOracle.Sent(null, block, false, true, Address.ZERO, false));
    assertThrows(InvariantViolation.class, () -> oracle.applied(new GossipPayloadReceived(at, "p", 4, Bytes.EMPTY, silent), List.of(),
        node.core()), "every message gets a verdict");
    Address rotated = Address.fromHex("0x" + "11".repeat(20));
    Bytes byNewKey = Bytes.fromHex("0x05");
    oracle.sent(byNewKey, new GossipOracle.Sent(null, block, false, true, rotated, true));
    assertThrows(InvariantViolation.class, () -> oracle.applied(new GossipPayloadReceived(at, "p", 4, Bytes.EMPTY, byNewKey),
        List.of(new ResolveGossipMessage(byNewKey, "p", 4, GossipReason.VALID, "", Optional.empty())), node.core()),
        "a block by a signer the node was not told is rejected");
    oracle.applied(new UnsafeBlockSignerObserved(rotated), List.of(), node.core());
    Bytes afterLearning = Bytes.fromHex("0x06");
    oracle.sent(afterLearning, new GossipOracle.Sent(null, block, false, true, Address.ZERO, false));
    oracle.applied(new GossipPayloadReceived(at, "p", 4, Bytes.EMPTY, afterLearning),
        List.of(new ResolveGossipMessage(afterLearning, "p", 4, GossipReason.WRONG_SIGNER, "", Optional.empty())), node.core());
    assertEquals(1, coverage.marks().getOrDefault("gossip: block by a signer the node does not know (yet or any more) rejected", 0).intValue(),
        "the old signer's block after the rotation is judged as rejected for its signer");
  }

  /** The heads' verdicts are remembered between events: a head that turns out forged later is still caught. */
  @Test
  void aHeadSentAsForgedAfterItWasJudgedIsCaughtAtTheNextEvent() {
    Simulation.Options o = Simulation.Options.of(6, 10).withProfile("calm");
    SimWorld world = Simulation.worldFor(o);
    SimNode node = SimNode.start(world, world.coreConfig(NodeMode.VALIDATOR));
    node.advanceTo(world.config().genesisTime() + 24);
    node.runUntil(() -> false, 10_000);
    GossipOracle oracle = new GossipOracle(world.nodeEngine(), new Coverage(), false);
    for (int i = 0; i < 3; i++) { // judged, then remembered
      oracle.applied(new UnsafeBlockSignerObserved(Address.ZERO), List.of(), node.core());
    }
    var safe = node.core().syncStatus().safeL2();
    var block = world.nodeEngine().block(new dev.basalt.core.engine.L2BlockSelector.ByHash(safe.hash())).orElseThrow().payload();
    oracle.sent(Bytes.fromHex("0x07"), new GossipOracle.Sent(FaultClass.GOSSIP_BAD_SIGNATURE, block, true, false, Address.ZERO, false));
    assertThrows(InvariantViolation.class, () -> oracle.applied(new UnsafeBlockSignerObserved(Address.ZERO), List.of(), node.core()),
        "the safe head is a forged block the node never accepted");
  }

  @Test
  void messageIdsAreTheFormattedCounter() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(3);
    for (int i = 0; i < 2000; i++) {
      long n = i < 1000 ? i : i < 1990 ? random.nextLong() : Long.MAX_VALUE - (i - 1990);
      assertEquals(dev.basalt.core.types.Bytes.fromHex(String.format("0x%040x", n)), SimGossip.messageId(n), "n " + n);
    }
  }
}
