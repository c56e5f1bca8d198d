package dev.basalt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.command.Command;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.state.JsonStateWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Same events, same commands and state; a snapshot restores a core that behaves identically. */
class CoreDeterminismTest {
  private static final int SEEDS = 200;
  private static final int EVENTS = 2_000;

  @Test
  void twoCoresFedTheSameEventsEmitTheSameCommandsAndHashes() {
    for (long seed = 1; seed <= SEEDS; seed++) {
      ReactiveEvents world = new ReactiveEvents(seed);
      Core a = new Core();
      Core b = new Core();
      for (int i = 0; i < EVENTS; i++) {
        InputEvent event = world.next();
        List<Command> fromA = a.apply(event);
        assertEquals(fromA, b.apply(event), "seed " + seed + " event " + i);
        world.observe(fromA);
      }
      assertEquals(a.stateHash(), b.stateHash(), "seed " + seed);
    }
  }

  @Test
  void aRestoredSnapshotContinuesExactlyLikeTheOriginal() {
    for (long seed = 1; seed <= SEEDS; seed++) {
      ReactiveEvents world = new ReactiveEvents(seed);
      Core original = new Core();
      List<InputEvent> events = new ArrayList<>();
      int snapshotAt = 1 + (int) (seed * 7 % (EVENTS - 1));
      Core restored = null;
      for (int i = 0; i < EVENTS; i++) {
        InputEvent event = world.next();
        events.add(event);
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
      org.junit.jupiter.api.Assertions.assertNotEquals(previous, now, "event " + i);
      previous = now;
    }
  }
}
