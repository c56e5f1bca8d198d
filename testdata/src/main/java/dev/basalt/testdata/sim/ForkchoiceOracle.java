package dev.basalt.testdata.sim;

import dev.basalt.core.Core;
import dev.basalt.core.command.Command;
import dev.basalt.core.command.FetchEngineHeads;
import dev.basalt.core.command.FetchL2Block;
import dev.basalt.core.command.SendForkchoiceUpdate;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.world.engine.FakeEngine;
import java.util.List;

/**
 * An oracle on the engine's view at every forkchoice update: in CL sync the node only names a head
 * the engine has imported, because it learned every block it calls unsafe, safe or finalized from
 * an engine answer (a VALID new payload, a sealed build, a block the engine returned). A node that
 * took a SYNCING answer for success would name a block the engine never imported; the engine would
 * answer SYNCING again and the node would recover through a reset, so no head invariant sees it:
 * this check does, at the moment the update is sent.
 *
 * <p>An engine restart that lost blocks legitimately leaves the node naming them until it asks the
 * engine again, so the check sleeps from the restart until the node's next sync start.
 */
final class ForkchoiceOracle implements SimNode.Listener {
  private final FakeEngine engine;
  private final Coverage coverage;
  private boolean engineForgot;
  /** Blocks the node took from gossip: op-node names one as head after a SYNCING new payload, to let the engine sync to it. */
  private java.util.function.Predicate<Hash32> unsafeInsertions = h -> false;

  ForkchoiceOracle(FakeEngine engine, Coverage coverage) {
    this.engine = engine;
    this.coverage = coverage;
  }

  /**
   * Gossiped blocks: inserting one, the node sends its forkchoice update even when the new payload
   * answered SYNCING (op-node's insertUnsafePayload without req-resp sync); such a block may be the
   * head of an update while the engine lacks it, never its safe or finalized block.
   */
  void unsafeInsertions(java.util.function.Predicate<Hash32> gossiped) {
    this.unsafeInsertions = gossiped;
  }

  /** The engine restarted: until the node asks it for its heads, the node may name lost blocks. */
  void engineRestarted() {
    engineForgot = true;
  }

  @Override
  public void applied(InputEvent event, List<Command> out, Core core) {
    for (Command c : out) {
      if (c instanceof FetchEngineHeads
          || (c instanceof FetchL2Block f && f.selector() instanceof L2BlockSelector.ByLabel)) {
        engineForgot = false;
      } else if (c instanceof SendForkchoiceUpdate u && !engineForgot) {
        Hash32 head = u.state().headBlockHash();
        if (head.equals(u.state().safeBlockHash()) || !unsafeInsertions.test(head)) {
          check(head, "head", event);
        }
        check(u.state().safeBlockHash(), "safe", event);
        check(u.state().finalizedBlockHash(), "finalized", event);
        coverage.mark("forkchoice update checked against the engine");
      }
    }
  }

  private void check(Hash32 hash, String label, InputEvent event) {
    if (hash.equals(Hash32.ZERO) || engine.block(new L2BlockSelector.ByHash(hash)).isPresent()) {
      return;
    }
    throw new InvariantViolation("forkchoice update after " + event.getClass().getSimpleName() + " names " + label + " "
        + hash + ", a block the engine never imported (or lost without the node asking since)");
  }

  @Override
  public void crashed(int lostEvents) {
    // A restarted node starts with a sync start: nothing to forget here.
  }
}
