package dev.basalt.testdata.sim;

import dev.basalt.core.Core;
import dev.basalt.core.command.Command;
import dev.basalt.core.command.ResolveGossipMessage;
import dev.basalt.core.command.SendNewPayload;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.event.GossipPayloadReceived;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.UnsafeBlockSignerObserved;
import dev.basalt.core.heads.SyncStatus;
import dev.basalt.core.p2p.GossipReason;
import dev.basalt.core.p2p.GossipValidator;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L2BlockRef;
import dev.basalt.testdata.world.engine.FakeEngine;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Judges every gossip verdict against what the peers sent: the oracle knows whether a message's
 * signature is good and keeps its own record of the distinct blocks the node accepted per height,
 * so it knows the rule that must decide (op-node's order: no signer known, bad signature, more than
 * 60 s old or 5 s ahead of the receive time, more than five blocks already seen at the height, seen
 * before, else accept). Forged blocks the node never accepted must never reach the engine or become
 * a head; an equivocating block the node adopted must be replaced by derivation before it turns safe.
 */
final class GossipOracle implements SimNode.Listener {
  /**
   * What a peer sent in one message: the block, whether it is forged, whether its signature is
   * well formed and by whom, and whether that key is a rotated one (not the chain's first signer).
   */
  record Sent(FaultClass kind, ExecutionPayload block, boolean forged, boolean goodSignature, Address signedBy, boolean afterRotation) {}

  private record SignerEvent(long event, Address signer) {}

  private record Change(long event, long height, Hash32 hash) {}

  private final FakeEngine engine;
  private final Coverage coverage;
  private final boolean sequencing;
  private final Map<Bytes, Sent> inFlight = new HashMap<>();
  private final TreeMap<Long, List<Hash32>> seen = new TreeMap<>();
  private final ArrayDeque<Change> recent = new ArrayDeque<>();
  private final Set<Hash32> forged = new HashSet<>();
  /**
   * A bit per hash code (modulo its size) of every {@link #forged} hash: a clear bit means the hash
   * was never forged, answered from a few kilobytes instead of a set that grows with the run (most
   * blocks asked about are true ones); a set bit sends the question on to the set. Bits are only
   * ever set, as blocks are only ever added to the set.
   */
  private final long[] forgedCodes = new long[FORGED_CODE_BITS / 64];
  private static final int FORGED_CODE_BITS = 1 << 16;
  private final Set<Hash32> accepted = new HashSet<>();
  /** Equivocating blocks that were the node's unsafe head, by height, until derivation replaced them. */
  private final TreeMap<Long, Hash32> adopted = new TreeMap<>();
  /** The events that told the node its signer, still in its journal. */
  private final ArrayDeque<SignerEvent> signerEvents = new ArrayDeque<>();
  private long events;
  /** Bumped whenever {@link #forged} or {@link #accepted} changes: a head's verdict below holds until then. */
  private long setsVersion;
  /**
   * The heads {@link #checkHeads} last judged (the unsafe head with its parent) under {@link
   * #judgedVersion} of the sets, and what it found: the heads rarely move between two events, and
   * the sets of every forged and accepted block grow with the run, so their lookups showed in
   * profiles. Judged again whenever a head or a set changes, so the verdicts are the same.
   */
  private Hash32 judgedUnsafe;
  private Hash32 judgedUnsafeParent;
  private Hash32 judgedSafe;
  private Hash32 judgedFinalized;
  private long judgedVersion = -1;
  private boolean unsafeForged;
  private boolean unsafeParentForged;
  private long floodPending;
  private long verdicts;

  GossipOracle(FakeEngine engine, Coverage coverage, boolean sequencing) {
    this.engine = engine;
    this.coverage = coverage;
    this.sequencing = sequencing;
  }

  /** A message is on its way; its verdict is judged when the node applies it. */
  void sent(Bytes messageId, Sent what) {
    inFlight.put(messageId, what);
    if (what.forged()) {
      Hash32 hash = what.block().blockHash();
      forged.add(hash);
      int bit = hash.hashCode() & (FORGED_CODE_BITS - 1);
      forgedCodes[bit >>> 6] |= 1L << bit;
      setsVersion++;
    }
    if (what.kind() == FaultClass.GOSSIP_FLOOD) {
      floodPending++;
    }
  }

  /** Messages lost in flight (the process died): no verdict will come. */
  void lost(Bytes messageId) {
    Sent s = inFlight.remove(messageId);
    if (s != null && s.kind() == FaultClass.GOSSIP_FLOOD) {
      floodPending--;
    }
  }

  /** Whether the node accepted a message carrying this block (so it may name it before the engine has it). */
  boolean acceptedBlock(Hash32 hash) {
    return accepted.contains(hash);
  }

  long verdicts() {
    return verdicts;
  }

  @Override
  public void applied(InputEvent event, List<Command> out, Core core) {
    events++;
    if (event instanceof UnsafeBlockSignerObserved o) {
      signerEvents.addLast(new SignerEvent(events, o.signer()));
    } else if (event instanceof GossipPayloadReceived g) {
      judge(g, out);
    }
    for (Command c : out) {
      if (c instanceof SendNewPayload p && neverAccepted(p.envelope().payload().blockHash())) {
        throw new InvariantViolation("a forged block the node never accepted went to the engine: " + p.envelope().payload().blockHash());
      }
    }
    checkHeads(core.syncStatus());
  }

  private void judge(GossipPayloadReceived g, List<Command> out) {
    Sent sent = inFlight.remove(g.messageId());
    if (sent == null) {
      return;
    }
    ResolveGossipMessage verdict = null;
    for (Command c : out) {
      if (c instanceof ResolveGossipMessage r && r.messageId().equals(g.messageId())) {
        verdict = r;
        break;
      }
    }
    if (verdict == null) {
      throw new InvariantViolation("no verdict for gossip message " + g.messageId() + " (" + sent.kind() + ")");
    }
    verdicts++;
    GossipReason got = verdict.reason();
    GossipReason expected = expected(sent, g.receivedAtMillis());
    boolean ok = expected == null ? got == GossipReason.SIGNATURE_INVALID || got == GossipReason.WRONG_SIGNER : got == expected;
    if (!ok) {
      throw new InvariantViolation("gossip " + kind(sent) + " of block " + sent.block().blockNumber() + " (time " + sent.block().timestamp()
          + ", received " + g.receivedAtMillis() + " ms) got " + got + " (" + verdict.detail() + "), expected "
          + (expected == null ? "SIGNATURE_INVALID or WRONG_SIGNER" : expected));
    }
    if (got == GossipReason.VALID) {
      accepted.add(sent.block().blockHash());
      setsVersion++;
    }
    coverage.mark(switch (got) {
      case VALID -> sent.forged() ? (forged.contains(sent.block().parentHash()) ? "gossip: child of a forged block accepted"
          : "gossip: equivocating block accepted")
          : sent.afterRotation() ? "gossip: true block by a rotated signer accepted" : "gossip: true block accepted";
      case WRONG_SIGNER -> sent.goodSignature() ? "gossip: block by a signer the node does not know (yet or any more) rejected"
          : "gossip: bad signature rejected";
      case DUPLICATE -> "gossip: duplicate ignored";
      case SIGNATURE_INVALID -> "gossip: bad signature rejected";
      case TOO_OLD -> "gossip: too old rejected";
      case TOO_NEW -> "gossip: too new rejected";
      case TOO_MANY_AT_HEIGHT -> "gossip: too many blocks at a height rejected";
      default -> "gossip: " + got.label();
    });
    if (sent.kind() == FaultClass.GOSSIP_FLOOD && --floodPending == 0) {
      coverage.mark("gossip flood absorbed");
    }
  }

  private static String kind(Sent s) {
    return s.kind() == null ? "of an honest peer" : s.kind() + (s.forged() ? " (forged)" : "");
  }

  /** The rule that must decide; null for "a bad-signature reason". */
  private GossipReason expected(Sent s, long receivedAtMillis) {
    if (signerEvents.isEmpty()) {
      return GossipReason.NO_SIGNER;
    }
    if (!s.goodSignature()) {
      return null;
    }
    if (!s.signedBy().equals(signerEvents.peekLast().signer())) {
      return GossipReason.WRONG_SIGNER; // well signed, by a key the node was not told (yet, or any more)
    }
    long now = Math.floorDiv(receivedAtMillis, 1000);
    ExecutionPayload p = s.block();
    if (p.timestamp() < now - GossipValidator.MAX_AGE_SECONDS) {
      return GossipReason.TOO_OLD;
    }
    if (p.timestamp() > now + GossipValidator.MAX_FUTURE_SECONDS) {
      return GossipReason.TOO_NEW;
    }
    List<Hash32> atHeight = seen.computeIfAbsent(p.blockNumber(), n -> new ArrayList<>());
    if (atHeight.size() > GossipValidator.MAX_BLOCKS_PER_HEIGHT) {
      return GossipReason.TOO_MANY_AT_HEIGHT;
    }
    if (atHeight.contains(p.blockHash())) {
      return GossipReason.DUPLICATE;
    }
    atHeight.add(p.blockHash());
    remember(new Change(events, p.blockNumber(), p.blockHash()));
    while (seen.size() > 2_000) {
      seen.pollFirstEntry();
    }
    return GossipReason.VALID;
  }

  private void remember(Change c) {
    recent.addLast(c);
    while (recent.size() > 8) {
      recent.removeFirst();
    }
  }

  private boolean neverAccepted(Hash32 hash) {
    return isForged(hash) && !accepted.contains(hash);
  }

  /** {@code forged.contains(hash)}, a clear bit in {@link #forgedCodes} answering false at once. */
  private boolean isForged(Hash32 hash) {
    int bit = hash.hashCode() & (FORGED_CODE_BITS - 1);
    return (forgedCodes[bit >>> 6] & (1L << bit)) != 0 && forged.contains(hash);
  }

  private void checkHeads(SyncStatus s) {
    L2BlockRef unsafe = s.unsafeL2();
    if (judgedVersion != setsVersion || !unsafe.hash().equals(judgedUnsafe) || !unsafe.parentHash().equals(judgedUnsafeParent)
        || !s.safeL2().hash().equals(judgedSafe) || !s.finalizedL2().hash().equals(judgedFinalized)) {
      for (L2BlockRef head : new L2BlockRef[] {unsafe, s.safeL2(), s.finalizedL2()}) {
        if (neverAccepted(head.hash())) {
          throw new InvariantViolation("a forged block the node rejected became a head: " + head);
        }
      }
      unsafeForged = isForged(unsafe.hash());
      unsafeParentForged = isForged(unsafe.parentHash());
      judgedUnsafe = unsafe.hash();
      judgedUnsafeParent = unsafe.parentHash();
      judgedSafe = s.safeL2().hash();
      judgedFinalized = s.finalizedL2().hash();
      judgedVersion = setsVersion;
    }
    if (!sequencing && unsafe.number() > s.pendingSafeL2().number()) {
      coverage.mark("unsafe head ahead of safe from gossip");
    }
    if (unsafeForged) {
      coverage.mark(unsafeParentForged ? "equivocating chain became the unsafe head"
          : "equivocating block became the unsafe head");
      adopted.put(s.unsafeL2().number(), s.unsafeL2().hash());
    }
    while (!adopted.isEmpty() && adopted.firstKey() <= s.safeL2().number()) {
      Map.Entry<Long, Hash32> e = adopted.pollFirstEntry();
      Optional<Hash32> canonical = engine.block(new L2BlockSelector.ByNumber(e.getKey())).map(b -> b.payload().blockHash());
      if (canonical.isPresent() && canonical.get().equals(e.getValue())) {
        throw new InvariantViolation("an equivocating block became safe: " + e.getValue() + " at " + e.getKey());
      }
      coverage.mark("equivocating block replaced by derivation");
    }
  }

  @Override
  public void crashed(int lostEvents) {
    // The restarted core lost the last lostEvents events: so does the record of what it saw.
    long firstLost = events - lostEvents + 1;
    while (!recent.isEmpty() && recent.peekLast().event() >= firstLost) {
      Change c = recent.removeLast();
      List<Hash32> atHeight = seen.get(c.height());
      if (atHeight != null) {
        atHeight.remove(c.hash());
      }
    }
    while (!signerEvents.isEmpty() && signerEvents.peekLast().event() >= firstLost) {
      signerEvents.removeLast();
    }
    events -= lostEvents;
  }
}
