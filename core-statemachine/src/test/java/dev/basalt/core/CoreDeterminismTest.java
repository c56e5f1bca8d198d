package dev.basalt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.command.Command;
import dev.basalt.core.command.SendNewPayload;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.state.JsonStateWriter;
import dev.basalt.core.world.Harness;
import dev.basalt.core.world.ScriptedWorld;
import dev.basalt.core.world.TestChain;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Same events, same commands and state; a snapshot restores a core that behaves identically. The
 * event streams come from {@link ReactiveEvents}: real derivation, engine work, reorgs, restarts,
 * resets and failures. (Every scenario test also runs a restored shadow core, see {@link Harness}.)
 */
class CoreDeterminismTest {
  private static final int SEEDS = 60;
  private static final int EVENTS = 1_500;

  @Test
  void twoCoresFedTheSameEventsEmitTheSameCommandsAndHashes() {
    long built = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      ReactiveEvents world = new ReactiveEvents(seed);
      Core a = new Core();
      Core b = new Core();
      for (int i = 0; i < EVENTS; i++) {
        InputEvent event = world.next();
        List<Command> fromA = a.apply(event);
        assertEquals(fromA, b.apply(event), "seed " + seed + " event " + i);
        world.observe(fromA);
        built += fromA.stream().filter(SendNewPayload.class::isInstance).count();
      }
      assertEquals(a.stateHash(), b.stateHash(), "seed " + seed);
    }
    assertNotEquals(0, built, "the streams must exercise block building");
  }

  @Test
  void aRestoredSnapshotContinuesExactlyLikeTheOriginal() {
    for (long seed = 1; seed <= SEEDS; seed++) {
      ReactiveEvents world = new ReactiveEvents(seed);
      Core original = new Core();
      int snapshotAt = 1 + (int) (seed * 37 % (EVENTS - 1));
      Core restored = null;
      for (int i = 0; i < EVENTS; i++) {
        InputEvent event = world.next();
        List<Command> out = original.apply(event);
        world.observe(out);
        if (restored != null) {
          assertEquals(out, restored.apply(event), "seed " + seed + " event " + i);
        }
        if (i == snapshotAt) {
          BinaryWriter w = new BinaryWriter();
          original.writeSnapshot(w);
          restored = Core.restore(new BinaryReader(w.toByteArray()));
          assertEquals(original.stateHash(), restored.stateHash(), "seed " + seed + " right after restore");
          assertEquals(JsonStateWriter.of(original), JsonStateWriter.of(restored));
          assertEquals(original.syncStatus(), restored.syncStatus());
        }
      }
      assertEquals(original.stateHash(), restored.stateHash(), "seed " + seed + " at the end");
    }
  }

  @Test
  void stateHashChangesWhenStateChanges() {
    ReactiveEvents world = new ReactiveEvents(42);
    Core core = new Core();
    var previous = core.stateHash();
    for (int i = 0; i < 500; i++) {
      world.observe(core.apply(world.next()));
      var now = core.stateHash();
      // eventsApplied is part of the state, so every event changes the hash.
      assertNotEquals(previous, now, "event " + i);
      previous = now;
    }
  }

  @Test
  void aRecordedScenarioReplaysToTheSameCommands() {
    ScriptedWorld w = new ScriptedWorld(TestChain.holocene());
    w.l1.mineTo(2);
    w.truth.sequenceTo(12);
    w.l1.mine(w.truth.spanBatch("a", 1, 6), w.truth.singularBatches("b", 7, 12));
    w.l1.mineTo(6);
    Harness h = new Harness(w);
    h.start();
    h.observeL1();
    w.l1.reorgFrom(5);
    w.l1.mineTo(7);
    w.l1.finalizeThrough(4);
    h.observeL1();
    h.observeFinality();
    h.advance(2_000);
    h.restart();
    Core replay = new Core();
    List<Command> replayed = new ArrayList<>();
    for (InputEvent e : h.events) {
      replayed.addAll(replay.apply(e));
    }
    assertEquals(h.commands, replayed);
    assertEquals(h.core.stateHash(), replay.stateHash());
    assertEquals(w.truth.info(12).ref(), replay.syncStatus().safeL2());
  }
}
