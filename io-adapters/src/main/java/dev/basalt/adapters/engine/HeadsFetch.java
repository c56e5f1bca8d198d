package dev.basalt.adapters.engine;

import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.payload.L2BlockInfoDecoding;
import dev.basalt.core.derive.payload.PayloadBlockInfo;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.RequestFailed;
import dev.basalt.core.types.L2BlockRef;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One {@code FetchEngineHeads}: reads the {@code latest}, {@code safe} and {@code finalized} blocks
 * concurrently and answers with their {@link L2BlockRef}s as {@link PayloadBlockInfo} reads them
 * (L1 origin and sequence number from the L1-info deposit). Like op-node's sync start, a
 * {@code safe} or {@code finalized} label the engine does not have yet (a fresh chain) falls back
 * to the rollup genesis block; a missing {@code latest} is {@code NOT_FOUND}.
 *
 * <p>Exactly one answer: the first failure wins and suppresses the rest; otherwise the last of
 * the three reads to finish publishes {@code Heads}.
 */
final class HeadsFetch {
  private static final L2BlockSelector.Label[] LABELS = {
    L2BlockSelector.Label.LATEST, L2BlockSelector.Label.SAFE, L2BlockSelector.Label.FINALIZED
  };

  private final long correlationId;
  private final RollupConfig rollup;
  private final BiConsumer<L2BlockSelector, Consumer<BlockOutcome>> fetch;
  private final Consumer<InputEvent> publish;
  private final L2BlockRef[] refs = new L2BlockRef[LABELS.length];
  private final AtomicInteger pending = new AtomicInteger(LABELS.length);
  private final AtomicBoolean failed = new AtomicBoolean();

  HeadsFetch(long correlationId, RollupConfig rollup, BiConsumer<L2BlockSelector, Consumer<BlockOutcome>> fetch,
      Consumer<InputEvent> publish) {
    this.correlationId = correlationId;
    this.rollup = rollup;
    this.fetch = fetch;
    this.publish = publish;
  }

  void start() {
    for (int i = 0; i < LABELS.length; i++) {
      int slot = i;
      fetch.accept(new L2BlockSelector.ByLabel(LABELS[i]), outcome -> onLabel(slot, outcome));
    }
  }

  private void onLabel(int slot, BlockOutcome outcome) {
    if (outcome instanceof BlockOutcome.Missing && LABELS[slot] != L2BlockSelector.Label.LATEST) {
      fetch.accept(new L2BlockSelector.ByHash(rollup.genesis().l2().hash()), genesis -> onBlock(slot, genesis, true));
      return;
    }
    onBlock(slot, outcome, false);
  }

  private void onBlock(int slot, BlockOutcome outcome, boolean genesis) {
    String what = genesis ? "genesis block (" + LABELS[slot].name().toLowerCase(Locale.ROOT) + " fallback)"
        : LABELS[slot].name().toLowerCase(Locale.ROOT) + " block";
    switch (outcome) {
      case BlockOutcome.Failed f -> fail(f.kind(), f.detail());
      case BlockOutcome.Missing m -> fail(FailureKind.NOT_FOUND, "the engine has no " + what);
      case BlockOutcome.Found found -> {
        L2BlockInfoDecoding decoded = PayloadBlockInfo.decode(rollup, found.block().payload());
        switch (decoded) {
          case L2BlockInfoDecoding.Invalid invalid -> fail(FailureKind.INVALID_RESPONSE, what + ": " + invalid.reason());
          case L2BlockInfoDecoding.Decoded d -> {
            refs[slot] = d.info().ref();
            // A failed slot never counts down, so reaching zero means all three succeeded.
            if (pending.decrementAndGet() == 0) {
              publish.accept(new EngineResponseReceived(correlationId, new EngineResponse.Heads(refs[0], refs[1], refs[2])));
            }
          }
        }
      }
    }
  }

  private void fail(FailureKind kind, String detail) {
    if (failed.compareAndSet(false, true)) {
      publish.accept(new RequestFailed(correlationId, kind, "engine heads: " + detail));
    }
  }
}
