package dev.basalt.core.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.Core;
import dev.basalt.core.CoreConfig;
import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.command.Command;
import dev.basalt.core.command.FetchL2Block;
import dev.basalt.core.command.GetPayload;
import dev.basalt.core.command.Request;
import dev.basalt.core.command.ScheduleWakeup;
import dev.basalt.core.command.SendForkchoiceUpdate;
import dev.basalt.core.command.SendNewPayload;
import dev.basalt.core.event.ClockTicked;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.NodeStarted;
import dev.basalt.core.event.RequestFailed;
import dev.basalt.core.event.WakeupFired;
import dev.basalt.core.heads.SyncStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Steps a {@link Core} against a {@link ScriptedWorld}: every command the core emits is answered
 * by the world (engine answers can be held back), wakeups fire on a virtual clock, and after every
 * event the L2 head invariant is checked. A shadow core restored from a snapshot of the real one
 * every few events must emit the same commands and reach the same state hash, so every scenario
 * also checks determinism and snapshot continuity.
 */
public final class Harness {
  private static final int SHADOW_EVERY = 5;
  private static final int MAX_EVENTS_PER_SETTLE = 200_000;

  public final ScriptedWorld world;
  public final CoreConfig config;
  public final Core core = new Core();
  public final List<InputEvent> events = new ArrayList<>();
  public final List<Command> commands = new ArrayList<>();
  /** The virtual time at which each of {@link #commands} was emitted. */
  public final List<Long> commandTimes = new ArrayList<>();
  /** Engine commands not answered while {@link #holdEngine} is set. */
  public final List<Command> held = new ArrayList<>();
  public boolean holdEngine;
  public long now = TestChain.GENESIS_TIME * 1000;
  private final TreeMap<Long, ArrayDeque<Long>> timers = new TreeMap<>();
  private final ArrayDeque<InputEvent> inbox = new ArrayDeque<>();
  /** Engine-changing calls (forkchoice, newPayload, getPayload) sent and not answered yet. */
  private final TreeSet<Long> engineCallsInFlight = new TreeSet<>();
  private Core shadow;

  public Harness(ScriptedWorld world, CoreConfig config) {
    this.world = world;
    this.config = config;
  }

  public Harness(ScriptedWorld world) {
    this(world, world.chain.config());
  }

  /** Delivers one event (and queues the world's answers to what the core emitted). */
  public List<Command> deliver(InputEvent event) {
    List<Command> out = core.apply(event);
    events.add(event);
    commands.addAll(out);
    out.forEach(c -> commandTimes.add(now));
    checkHeads(core.syncStatus());
    trackEngineCalls(event, out);
    if (shadow != null) {
      assertEquals(out, shadow.apply(event), () -> "restored core diverged at event " + events.size() + ": " + event);
    }
    if (events.size() % SHADOW_EVERY == 0) {
      BinaryWriter w = new BinaryWriter();
      core.writeSnapshot(w);
      shadow = Core.restore(new BinaryReader(w.toByteArray()));
      assertEquals(core.stateHash(), shadow.stateHash(), "state hash right after restore");
    }
    for (Command c : out) {
      if (c instanceof ScheduleWakeup w) {
        timers.computeIfAbsent(w.atMillis(), t -> new ArrayDeque<>()).add(w.correlationId());
      } else if (holdEngine && isEngine(c)) {
        held.add(c);
      } else {
        inbox.addAll(world.handle(c));
      }
    }
    return out;
  }

  /** The controller runs one engine operation at a time: never two such calls in flight. */
  private void trackEngineCalls(InputEvent event, List<Command> out) {
    switch (event) {
      case NodeStarted n -> engineCallsInFlight.clear();
      case EngineResponseReceived r -> engineCallsInFlight.remove(r.correlationId());
      case RequestFailed f -> engineCallsInFlight.remove(f.correlationId());
      default -> {}
    }
    for (Command c : out) {
      if (c instanceof SendForkchoiceUpdate || c instanceof SendNewPayload || c instanceof GetPayload) {
        engineCallsInFlight.add(((Request) c).correlationId());
      }
    }
    assertTrue(engineCallsInFlight.size() <= 1, () -> "engine calls in flight at once: " + engineCallsInFlight);
  }

  private static boolean isEngine(Command c) {
    return c instanceof SendForkchoiceUpdate || c instanceof SendNewPayload || c instanceof GetPayload || c instanceof FetchL2Block;
  }

  private static void checkHeads(SyncStatus s) {
    long[] chain = {s.finalizedL2().number(), s.safeL2().number(), s.localSafeL2().number(), s.pendingSafeL2().number(),
        s.unsafeL2().number()};
    for (int i = 1; i < chain.length; i++) {
      assertTrue(chain[i - 1] <= chain[i], () -> "head order broken: " + s);
    }
  }

  public void start() {
    deliver(new NodeStarted(config, now));
    settle();
  }

  /** A process restart: answers in flight and scheduled wakeups are lost, then {@code NodeStarted}. */
  public void restart() {
    inbox.clear();
    timers.clear();
    held.clear();
    deliver(new NodeStarted(config, now));
    settle();
  }

  /** Delivers queued answers and due wakeups until nothing is left to do now. */
  public void settle() {
    for (int i = 0; i < MAX_EVENTS_PER_SETTLE; i++) {
      if (!inbox.isEmpty()) {
        deliver(inbox.poll());
        continue;
      }
      Map.Entry<Long, ArrayDeque<Long>> due = timers.firstEntry();
      if (due == null || due.getKey() > now) {
        return;
      }
      long id = due.getValue().poll();
      if (due.getValue().isEmpty()) {
        timers.remove(due.getKey());
      }
      deliver(new WakeupFired(id, now));
    }
    throw new AssertionError("the core did not settle within " + MAX_EVENTS_PER_SETTLE + " events");
  }

  /** Moves the clock forward, firing wakeups in time order. */
  public void advance(long millis) {
    long target = now + millis;
    while (!timers.isEmpty() && timers.firstKey() <= target) {
      now = Math.max(now, timers.firstKey());
      settle();
    }
    now = target;
    deliver(new ClockTicked(now));
    settle();
  }

  /** The time of the next scheduled wakeup, or -1. */
  public long nextWakeupAt() {
    return timers.isEmpty() ? -1 : timers.firstKey();
  }

  /** Reports the world's L1 head (and finality) and lets the core work on it. */
  public void observeL1() {
    deliver(world.l1Head());
    settle();
  }

  public void observeFinality() {
    deliver(world.l1Finalized());
    settle();
  }

  /** Answers the held engine commands in order. */
  public void releaseHeld() {
    List<Command> toAnswer = new ArrayList<>(held);
    held.clear();
    for (Command c : toAnswer) {
      inbox.addAll(world.handle(c));
    }
    settle();
  }

  public SyncStatus status() {
    return core.syncStatus();
  }

  /** Commands of {@code type} emitted since command index {@code from}. */
  public <T extends Command> List<T> since(int from, Class<T> type) {
    return commands.subList(from, commands.size()).stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The restored shadow agrees with the real core right now. */
  public void assertShadowAgrees() {
    if (shadow != null) {
      assertEquals(core.stateHash(), shadow.stateHash());
    }
  }
}
