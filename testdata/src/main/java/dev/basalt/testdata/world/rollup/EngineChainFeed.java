package dev.basalt.testdata.world.rollup;

import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.payload.L2BlockInfoDecoding;
import dev.basalt.core.derive.payload.PayloadBlockInfo;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.world.engine.FakeEngine;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The embedded batcher's view of a node that sequences: before each post it brings a {@link
 * TrueChain} up to the canonical chain of the node's engine (what op-batcher reads from the
 * sequencer's execution client), following the node's unsafe chain to another branch when it moved
 * (the batcher then posts again from the fork point). Every change is reported as a {@link
 * FeedRecord} so a restarted devnet can replay them instead: given the records of an earlier run,
 * the feed first loads their blocks into the engine (the engine's chain survives the restart) and
 * then repeats what it saw at each post until the records run out, after which it follows the
 * engine again. An engine behind the chain already taken (it lost blocks) is waited for.
 */
public final class EngineChainFeed {
  private final RollupConfig rollup;
  private final FakeEngine engine;
  private final TrueChain chain;
  private final Consumer<FeedRecord> sink;
  private final ArrayDeque<FeedRecord> replay;
  private Hash32 safe = Hash32.ZERO;
  /** The number of the engine's safe block as last seen (the genesis number until a label is seen). */
  private long safeNumber;
  private Hash32 finalized = Hash32.ZERO;

  public EngineChainFeed(RollupConfig rollup, FakeEngine engine, List<FeedRecord> restored, Consumer<FeedRecord> sink) {
    this.rollup = rollup;
    this.engine = engine;
    this.sink = sink;
    this.chain = new TrueChain(trueBlock(engine.genesis()));
    this.safeNumber = chain.genesis().number();
    this.replay = new ArrayDeque<>(restored);
    if (!restored.isEmpty()) {
      restoreEngine(restored);
    }
  }

  /** The engine gets every restored block and the forkchoice the records end with. */
  private void restoreEngine(List<FeedRecord> restored) {
    List<ExecutionPayloadEnvelope> blocks = new ArrayList<>();
    TrueChain end = new TrueChain(chain.genesis());
    Hash32 lastSafe = Hash32.ZERO;
    Hash32 lastFinalized = Hash32.ZERO;
    for (FeedRecord r : restored) {
      switch (r) {
        case FeedRecord.Appended a -> {
          blocks.add(a.block());
          end.append(trueBlock(a.block()));
        }
        case FeedRecord.Truncated t -> end.truncateFrom(t.fromNumber());
        case FeedRecord.Labels l -> {
          lastSafe = l.safe();
          lastFinalized = l.finalized();
        }
      }
    }
    engine.restore(blocks, end.head().ref().hash(), lastSafe, lastFinalized);
  }

  public TrueChain chain() {
    return chain;
  }

  /**
   * The number of the node's safe head as of the last {@link #sync} (what op-batcher reads from the
   * rollup node's sync status to check that its channels made the safe head progress).
   */
  public long safeNumber() {
    return safeNumber;
  }

  /** Whether records of an earlier run are still being repeated. */
  public boolean replaying() {
    return !replay.isEmpty();
  }

  /**
   * Brings the chain up to date for a post at {@code l1Timestamp}.
   *
   * @return the first block the batcher must post again when the chain moved to another branch
   */
  public Optional<Long> sync(long l1Timestamp) {
    if (!replay.isEmpty()) {
      return repeat(l1Timestamp);
    }
    return follow(l1Timestamp);
  }

  private Optional<Long> repeat(long l1Timestamp) {
    Optional<Long> repost = Optional.empty();
    while (!replay.isEmpty() && replay.peek().l1Timestamp() <= l1Timestamp) {
      switch (replay.poll()) {
        case FeedRecord.Appended a -> chain.append(trueBlock(a.block()));
        case FeedRecord.Truncated t -> repost = min(repost, chain.truncateFrom(t.fromNumber()));
        case FeedRecord.Labels l -> {
          safe = l.safe();
          finalized = l.finalized();
          safeNumber = numberOf(safe);
        }
      }
    }
    return repost;
  }

  private Optional<Long> follow(long l1Timestamp) {
    EngineResponse.Heads heads = engine.heads();
    long engineHead = heads.unsafe().number();
    long genesis = chain.genesis().number();
    Optional<Long> repost = Optional.empty();
    if (engineHead >= chain.head().number()) {
      long n = chain.head().number();
      while (n > genesis && !canonicalHash(n).equals(Optional.of(chain.block(n).orElseThrow().ref().hash()))) {
        n--;
      }
      if (n < chain.head().number()) {
        repost = Optional.of(chain.truncateFrom(n + 1));
        sink.accept(new FeedRecord.Truncated(l1Timestamp, n + 1));
      }
      for (long k = n + 1; k <= engineHead; k++) {
        Optional<ExecutionPayloadEnvelope> block = engine.block(new L2BlockSelector.ByNumber(k));
        if (block.isEmpty()) {
          break;
        }
        chain.append(trueBlock(block.get()));
        sink.accept(new FeedRecord.Appended(l1Timestamp, block.get()));
      }
    }
    if (!heads.safe().hash().equals(safe) || !heads.finalized().hash().equals(finalized)) {
      safe = heads.safe().hash();
      safeNumber = heads.safe().number();
      finalized = heads.finalized().hash();
      sink.accept(new FeedRecord.Labels(l1Timestamp, safe, finalized));
    }
    return repost;
  }

  /** The number of the chain's block {@code hash} (a safe label names a block of the chain), else the current one. */
  private long numberOf(Hash32 hash) {
    for (long n = chain.head().number(); n > chain.genesis().number(); n--) {
      if (chain.block(n).orElseThrow().ref().hash().equals(hash)) {
        return n;
      }
    }
    return hash.isZero() || hash.equals(chain.genesis().ref().hash()) ? chain.genesis().number() : safeNumber;
  }

  private Optional<Hash32> canonicalHash(long number) {
    return engine.block(new L2BlockSelector.ByNumber(number)).map(b -> b.payload().blockHash());
  }

  private static Optional<Long> min(Optional<Long> a, long b) {
    return Optional.of(a.map(x -> Math.min(x, b)).orElse(b));
  }

  private TrueBlock trueBlock(ExecutionPayloadEnvelope envelope) {
    return switch (PayloadBlockInfo.decode(rollup, envelope.payload())) {
      case L2BlockInfoDecoding.Decoded d -> new TrueBlock(envelope, d.info());
      case L2BlockInfoDecoding.Invalid i -> throw new IllegalStateException("the node's engine holds an unreadable block: " + i.reason());
    };
  }
}
