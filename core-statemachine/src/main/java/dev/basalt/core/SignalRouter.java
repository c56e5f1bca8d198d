package dev.basalt.core;

import dev.basalt.core.command.HaltNode;
import dev.basalt.core.derive.driver.DerivationDriver;
import dev.basalt.core.engine.control.EngineController;
import dev.basalt.core.finality.Finalizer;
import dev.basalt.core.flow.Outbox;
import dev.basalt.core.flow.Signal;
import dev.basalt.core.sequencer.Sequencer;
import dev.basalt.core.types.L1BlockRef;

/**
 * The second half of {@link Core#apply}: delivers the {@link Signal}s the components raise to each
 * other, in FIFO order, until none is left or the node halted. Signals are how the components stay
 * decoupled (none holds another), and the FIFO order is part of the core's determinism: the same
 * event always leads to the same calls in the same order.
 */
final class SignalRouter {
  private final CoreState state;
  private final EngineController engine;
  private final DerivationDriver derivation;
  private final Finalizer finalizer;
  private final Sequencer sequencer;

  SignalRouter(CoreState state) {
    this.state = state;
    this.engine = state.engine;
    this.derivation = state.derivation;
    this.finalizer = state.finalizer;
    this.sequencer = state.sequencer;
  }

  /** Delivers the components' signals to each other, oldest first, until none is left. */
  void deliverSignals(Outbox out) {
    for (Signal s = out.nextSignal(); s != null && state.haltReason.isEmpty(); s = out.nextSignal()) {
      switch (s) {
        case Signal.DerivedAttributes d -> {
          // A reset raised earlier in this event already abandoned these attributes.
          if (derivation.awaitingEngine()) {
            engine.processAttributes(d.attributes(), out, l1Head());
          }
        }
        case Signal.AttributesProcessed p -> {
          p.newSafe().ifPresent(safe -> finalizer.onSafeDerived(safe.ref(), p.derivedFrom()));
          derivation.onAttributesProcessed(p, out, l1Head());
        }
        case Signal.AttributesDropped d -> derivation.onAttributesDropped(d.pendingSafe(), out, l1Head());
        case Signal.FlushChannel f -> derivation.onFlushChannel();
        case Signal.ResetRequested r -> {
          sequencer.onResetRequested();
          derivation.onResetRequested();
          finalizer.onReset();
          engine.requestReset(out, l1Head());
        }
        case Signal.ResetConfirmed c -> {
          sequencer.onResetConfirmed(out);
          finalizer.onReset();
          derivation.onResetConfirmed(c.safe(), out, l1Head());
        }
        case Signal.DerivationIdle i -> finalizer.onDerivationIdle(i.origin(), engine.heads().finalized().ref(), out);
        case Signal.FinalizeRequested f -> engine.finalizeBlock(f.block(), out, l1Head());
        case Signal.BlockCanonical b -> derivation.onBlockCanonical(b.block());
        case Signal.SequencerBuildStarted x -> sequencer.onSignal(x, out, engine.heads());
        case Signal.SequencerBlockSealed x -> sequencer.onSignal(x, out, engine.heads());
        case Signal.SequencerBlockInserted x -> sequencer.onSignal(x, out, engine.heads());
        case Signal.SequencerBuildAborted x -> sequencer.onSignal(x, out, engine.heads());
        case Signal.SequencerCommitFailed x -> sequencer.onSignal(x, out, engine.heads());
        case Signal.Halt h -> {
          state.haltReason = h.reason();
          out.emit(new HaltNode(h.reason()));
        }
      }
    }
  }

  private L1BlockRef l1Head() {
    return state.l1Head();
  }
}
